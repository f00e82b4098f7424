package io.qprune.formulation.model;

import java.util.List;

/** What pruning code needs from a network: its units, a settable mask, and the cost of a mask. */
public interface PrunableModel {
  /** What was built. */
  ModelSpec spec();

  /** The prunable layers, in forward order. */
  List<Layer> layers();

  /** Every prunable unit, in global order (layer by layer); mask bit i refers to unit i. */
  List<Unit> units();

  /** The mask used by every forward pass until changed (initially keeps all). */
  Mask mask();

  /** Sets the mask for later forward passes; a mask keeping no unit is an error. */
  void setMask(Mask mask);

  /** Parameters and FLOPs left under {@code mask}. */
  Cost cost(Mask mask);
}
