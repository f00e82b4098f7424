package io.qprune.solvers.local.protes;

/**
 * Adam (b1 = 0.9, b2 = 0.999, ε = 1e-8, bias-corrected) whose moments and step count persist
 * across iterations and travel in checkpoints.
 */
final class Adam {
  static final double B1 = 0.9;
  static final double B2 = 0.999;
  static final double EPS = 1e-8;
  private final double lr;
  private final double[] m;
  private final double[] v;
  private long steps;

  Adam(double lr, int size) {
    this(lr, new double[size], new double[size], 0);
  }

  /** Restores a state (arrays copied). */
  Adam(double lr, double[] m, double[] v, long steps) {
    if (m.length != v.length) {
      throw new IllegalArgumentException("Adam moments differ in length: " + m.length + " vs " + v.length);
    }
    this.lr = lr;
    this.m = m.clone();
    this.v = v.clone();
    this.steps = steps;
  }

  /** One descent step on {@code params} (changed in place) along the gradient {@code grad}. */
  void step(double[] params, double[] grad) {
    if (params.length != m.length || grad.length != m.length) {
      throw new IllegalArgumentException("Adam holds " + m.length + " parameters, got " + params.length
          + " parameters and " + grad.length + " gradients");
    }
    steps++;
    double c1 = 1 - Math.pow(B1, steps);
    double c2 = 1 - Math.pow(B2, steps);
    for (int i = 0; i < params.length; i++) {
      double g = grad[i];
      m[i] = B1 * m[i] + (1 - B1) * g;
      v[i] = B2 * v[i] + (1 - B2) * g * g;
      params[i] -= lr * (m[i] / c1) / (Math.sqrt(v[i] / c2) + EPS);
    }
  }

  double[] firstMoment() {
    return m.clone();
  }

  double[] secondMoment() {
    return v.clone();
  }

  long steps() {
    return steps;
  }
}
