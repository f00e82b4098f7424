package io.qprune.formulation.refine;

import io.qprune.api.Adjacency;
import io.qprune.api.InvalidInputException;
import io.qprune.api.Qubo;
import io.qprune.formulation.model.Layer;
import io.qprune.formulation.model.Mask;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Picks the refinement sub-problem's layers: those whose units sit closest to the QUBO's decision
 * boundary. A unit's local field {@code f_i = h_i + Σ_j W_ij x_j} at the mask says how much
 * keeping it changes the energy; the boundary is the threshold t between the k-th and (k+1)-th
 * smallest field (k = units kept), and a layer's distance is the mean {@code |f_i − t|} of its
 * units. The L layers with the smallest distance are the most uncertain ones.
 */
public final class LayerChoice {
  private LayerChoice() {}

  /** Each layer's mean distance to the boundary, in layer order. */
  public static double[] distances(Qubo qubo, Mask mask, List<Layer> layers) {
    int n = mask.size();
    if (qubo.numVariables() != n) {
      throw new InvalidInputException("The QUBO has " + qubo.numVariables() + " variables but the mask has "
          + n + " units");
    }
    Qubo q = qubo.toBinary();
    double[] f = q.linearBiases();
    Adjacency adj = q.adjacency();
    for (int i = 0; i < n; i++) {
      if (mask.keeps(i)) {
        for (int k = adj.start(i); k < adj.end(i); k++) {
          f[adj.neighbour(k)] += adj.weight(k);
        }
      }
    }
    double[] sorted = f.clone();
    Arrays.sort(sorted);
    int kept = mask.kept();
    double t = kept == 0 ? sorted[0] : kept == n ? sorted[n - 1]
        : (sorted[kept - 1] + sorted[kept]) / 2;
    double[] out = new double[layers.size()];
    for (int l = 0; l < layers.size(); l++) {
      Layer layer = layers.get(l);
      double s = 0;
      for (int j = 0; j < layer.units(); j++) {
        s += Math.abs(f[layer.firstUnit() + j] - t);
      }
      out[l] = s / layer.units();
    }
    return out;
  }

  /** The {@code count} layers closest to the boundary (all when count is 0 or ≥ the layer count), in model order. */
  public static List<Layer> closest(Qubo qubo, Mask mask, List<Layer> layers, int count) {
    if (count == 0 || count >= layers.size()) {
      return List.copyOf(layers);
    }
    double[] d = distances(qubo, mask, layers);
    List<Layer> order = new ArrayList<>(layers);
    order.sort(Comparator.comparingDouble((Layer l) -> d[layers.indexOf(l)]).thenComparingInt(Layer::index));
    List<Layer> chosen = new ArrayList<>(order.subList(0, count));
    chosen.sort(Comparator.comparingInt(Layer::index));
    return List.copyOf(chosen);
  }
}
