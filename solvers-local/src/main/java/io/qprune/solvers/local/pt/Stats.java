package io.qprune.solvers.local.pt;

/**
 * What each rung of a parallel-tempering run measured since the ladder last moved: energy mean
 * and spread, exchange acceptance with the next rung, and cluster sizes against the number of
 * differing variables.
 */
final class Stats {
  private final double[] sum;
  private final double[] sq;
  private final long[] count;
  private final long[] tried;
  private final long[] taken;
  private final double[] cluster;
  private final double[] differ;

  Stats(int temps) {
    sum = new double[temps];
    sq = new double[temps];
    count = new long[temps];
    tried = new long[temps];
    taken = new long[temps];
    cluster = new double[temps];
    differ = new double[temps];
  }

  void energy(int t, double e) {
    sum[t] += e;
    sq[t] += e * e;
    count[t]++;
  }

  void swap(int t, boolean take) {
    tried[t]++;
    taken[t] += take ? 1 : 0;
  }

  void cluster(int t, int size, int differing) {
    cluster[t] += size;
    differ[t] += differing;
  }

  /** The standard deviation of each rung's energy. */
  double[] sigma() {
    double[] s = new double[sum.length];
    for (int t = 0; t < s.length; t++) {
      if (count[t] > 1) {
        double mean = sum[t] / count[t];
        s[t] = Math.sqrt(Math.max(0, sq[t] / count[t] - mean * mean));
      }
    }
    return s;
  }

  /** Exchange acceptance between rung t and t + 1 (temps − 1 values). */
  double[] acceptance() {
    double[] a = new double[Math.max(0, sum.length - 1)];
    for (int t = 0; t < a.length; t++) {
      a[t] = tried[t] == 0 ? 0 : (double) taken[t] / tried[t];
    }
    return a;
  }

  /** The cluster's share of the differing variables, per rung (0 where no move was made). */
  double[] clusterShare() {
    double[] c = new double[sum.length];
    for (int t = 0; t < c.length; t++) {
      c[t] = differ[t] == 0 ? 0 : cluster[t] / differ[t];
    }
    return c;
  }

  void reset() {
    java.util.Arrays.fill(sum, 0);
    java.util.Arrays.fill(sq, 0);
    java.util.Arrays.fill(count, 0);
    java.util.Arrays.fill(tried, 0);
    java.util.Arrays.fill(taken, 0);
    java.util.Arrays.fill(cluster, 0);
    java.util.Arrays.fill(differ, 0);
  }
}
