package io.qprune.formulation.cost;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The regression of a whole-network latency fit ({@link LatencyFit}): non-negative least squares of
 * measured times on a mask's features, the first row (the unpruned network) weighted as much as all
 * the others together, with its relative RMS error on the rows fitted and on a held-out quarter.
 *
 * @param weights the fit on every row
 * @param holdoutRelRms the error, on every fourth row, of a fit on the other rows
 * @param fitRelRms the error of {@code weights} on every row
 */
record AnchoredFit(double[] weights, double holdoutRelRms, double fitRelRms) {
  /**
   * Fits {@code ms} ({@code f}: one feature row per sample); {@code anchor}: whether row 0 is the
   * unpruned network. A latency cap is a fraction of the fit's unpruned value, so that value should
   * be the unpruned network's measured time, not whatever a fit of random masks (none of them near
   * full width) extrapolates to there (unanchored: 126.3 ms against 137.3 measured).
   */
  static AnchoredFit of(double[][] f, double[] ms, boolean anchor) {
    List<Integer> train = new ArrayList<>();
    List<Integer> test = new ArrayList<>();
    for (int s = 0; s < f.length; s++) {
      (s % 4 == 3 ? test : train).add(s);
    }
    double[] partial = solve(train.stream().map(i -> f[i]).toArray(double[][]::new),
        train.stream().mapToDouble(i -> ms[i]).toArray(), anchor);
    double[] all = solve(f, ms, anchor);
    List<Integer> every = java.util.stream.IntStream.range(0, f.length).boxed().toList();
    return new AnchoredFit(all, relRms(f, ms, partial, test), relRms(f, ms, all, every));
  }

  private static double[] solve(double[][] f, double[] ms, boolean anchor) {
    if (!anchor) {
      return Nnls.solve(f, ms);
    }
    double[][] a = f.clone();
    double[] b = ms.clone();
    double w = Math.sqrt(f.length);
    a[0] = Arrays.stream(f[0]).map(v -> v * w).toArray();
    b[0] *= w;
    return Nnls.solve(a, b);
  }

  private static double relRms(double[][] f, double[] ms, double[] w, List<Integer> idx) {
    double sum = 0;
    for (int s : idx) {
      double pred = 0;
      for (int i = 0; i < w.length; i++) {
        pred += f[s][i] * w[i];
      }
      double e = (pred - ms[s]) / ms[s];
      sum += e * e;
    }
    return Math.sqrt(sum / idx.size());
  }
}
