package io.qprune.formulation.importance;

/** The per-unit importance scores of the spec: weight L1, first-order Taylor and Fisher. */
public enum ScoreKind {
  L1("l1"),
  TAYLOR("taylor"),
  FISHER("fisher");

  private final String id;

  ScoreKind(String id) {
    this.id = id;
  }

  /** The name used in files and messages. */
  public String id() {
    return id;
  }

  @Override
  public String toString() {
    return id;
  }
}
