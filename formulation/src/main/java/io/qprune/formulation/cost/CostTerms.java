package io.qprune.formulation.cost;

import java.util.ArrayList;
import java.util.List;

/** Collects the terms of a {@link QuadraticCost} one by one (pairs may repeat; weights add). */
final class CostTerms {
  private final String name;
  private final double[] linear;
  private final List<int[]> pairs = new ArrayList<>();
  private final List<Double> weights = new ArrayList<>();
  private double constant;

  CostTerms(String name, int n) {
    this.name = name;
    this.linear = new double[n];
  }

  CostTerms constant(double c) {
    constant += c;
    return this;
  }

  CostTerms linear(int i, double v) {
    linear[i] += v;
    return this;
  }

  CostTerms pair(int i, int j, double w) {
    pairs.add(new int[] {i, j});
    weights.add(w);
    return this;
  }

  /** A pair term of weight {@code w} between every unit of {@code a} and every unit of {@code b}. */
  CostTerms pairs(int[] a, int[] b, double w) {
    for (int i : a) {
      for (int j : b) {
        pair(i, j, w);
      }
    }
    return this;
  }

  QuadraticCost build() {
    int m = pairs.size();
    int[] pi = new int[m];
    int[] pj = new int[m];
    double[] pw = new double[m];
    for (int k = 0; k < m; k++) {
      pi[k] = pairs.get(k)[0];
      pj[k] = pairs.get(k)[1];
      pw[k] = weights.get(k);
    }
    return new QuadraticCost(name, linear.length, constant, linear, pi, pj, pw);
  }
}
