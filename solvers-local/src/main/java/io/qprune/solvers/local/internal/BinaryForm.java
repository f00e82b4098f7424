package io.qprune.solvers.local.internal;

import io.qprune.api.Adjacency;
import io.qprune.api.Qubo;

/**
 * A model as the hot loops want it: BINARY, symmetric CSR adjacency in flat arrays, with integer
 * copies of the biases when they are all whole numbers small enough to sum without overflow.
 *
 * <p>The local field of variable i is {@code f_i = h_i + Σ_j W_ij x_j}; flipping x_i changes the
 * energy by {@code +f_i} (0 → 1) or {@code −f_i} (1 → 0). SPIN models are converted exactly
 * ({@code s = 2x − 1}), so a bit set here is +1 there.
 */
public final class BinaryForm {
  /** Fields bounded by this stay exact in an int with room to add one more weight. */
  private static final double INT_LIMIT = 1 << 30;

  public final Qubo source;
  public final int n;
  public final double[] lin;
  public final int[] start;
  public final int[] nb;
  public final double[] w;
  /** Non-null when every bias is a whole number and every field fits an int. */
  public final int[] linInt;
  public final int[] wInt;
  /** The largest possible |f_i|: the sum of |h_i| and |W_ij| over i's row. */
  public final double maxField;

  private BinaryForm(Qubo source, Qubo binary) {
    this.source = source;
    this.n = binary.numVariables();
    this.lin = binary.linearBiases();
    Adjacency a = binary.adjacency();
    this.start = a.offsets();
    this.nb = a.neighbourIndices();
    this.w = a.neighbourWeights();
    boolean integral = true;
    double max = 0;
    for (int i = 0; i < n; i++) {
      double s = Math.abs(lin[i]);
      integral &= lin[i] == Math.rint(lin[i]);
      for (int k = start[i]; k < start[i + 1]; k++) {
        s += Math.abs(w[k]);
        integral &= w[k] == Math.rint(w[k]);
      }
      max = Math.max(max, s);
    }
    this.maxField = max;
    if (integral && max < INT_LIMIT) {
      linInt = new int[n];
      wInt = new int[w.length];
      for (int i = 0; i < n; i++) {
        linInt[i] = (int) lin[i];
      }
      for (int k = 0; k < w.length; k++) {
        wInt[k] = (int) w[k];
      }
    } else {
      linInt = null;
      wInt = null;
    }
  }

  /** The binary form of a model of either vartype. */
  public static BinaryForm of(Qubo model) {
    return new BinaryForm(model, model.toBinary());
  }

  public boolean isIntegral() {
    return linInt != null;
  }

  /** Number of stored adjacency entries divided by n(n−1): 1 for a complete graph. */
  public double density() {
    return n < 2 ? 1.0 : (double) nb.length / ((double) n * (n - 1));
  }

  /** The model's values (0/1 or −1/+1) for a binary state. */
  public int[] values(byte[] x) {
    int[] v = new int[n];
    int low = source.vartype().low();
    int high = source.vartype().high();
    for (int i = 0; i < n; i++) {
      v[i] = x[i] != 0 ? high : low;
    }
    return v;
  }

  /** The binary bits of values given in the model's vartype. */
  public byte[] bits(int[] values) {
    byte[] x = new byte[n];
    int high = source.vartype().high();
    for (int i = 0; i < n; i++) {
      x[i] = (byte) (values[i] == high ? 1 : 0);
    }
    return x;
  }

  /** The source model's energy of a binary state (exact recomputation, not the running sum). */
  public double energy(byte[] x) {
    return source.energy(values(x));
  }

  /** Fills {@code f} with the local fields of state x. */
  public void fields(byte[] x, double[] f) {
    for (int i = 0; i < n; i++) {
      double s = lin[i];
      for (int k = start[i]; k < start[i + 1]; k++) {
        if (x[nb[k]] != 0) {
          s += w[k];
        }
      }
      f[i] = s;
    }
  }

  /** Fills {@code f} with the local fields of state x (integral models only). */
  public void fields(byte[] x, int[] f) {
    for (int i = 0; i < n; i++) {
      int s = linInt[i];
      for (int k = start[i]; k < start[i + 1]; k++) {
        if (x[nb[k]] != 0) {
          s += wInt[k];
        }
      }
      f[i] = s;
    }
  }

  /** The weight W_ij, found by binary search in i's sorted neighbour list (0 when absent). */
  public double weight(int i, int j) {
    int lo = start[i];
    int hi = start[i + 1] - 1;
    while (lo <= hi) {
      int mid = (lo + hi) >>> 1;
      int c = nb[mid];
      if (c < j) {
        lo = mid + 1;
      } else if (c > j) {
        hi = mid - 1;
      } else {
        return w[mid];
      }
    }
    return 0.0;
  }
}
