package io.qprune.formulation.importance;

import java.util.ArrayList;
import java.util.List;

/** Small layouts for the importance tests. */
public final class ScoresTestSupport {
  private ScoresTestSupport() {}

  /** Layers L0, L1, ... with the given sizes; ids {@code L<l>:<j>}. */
  public static UnitLayout layout(int... sizes) {
    List<String> ids = new ArrayList<>();
    List<String> layers = new ArrayList<>();
    for (int l = 0; l < sizes.length; l++) {
      for (int j = 0; j < sizes[l]; j++) {
        ids.add("L" + l + ":" + j);
        layers.add("L" + l);
      }
    }
    return UnitLayout.of(ids, layers);
  }
}
