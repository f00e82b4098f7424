package io.qprune.formulation.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.ArrayList;
import java.util.List;

/**
 * Half-UNet's full-scale fusion: the sum of every level's output bilinearly up-sampled
 * (align_corners = false, PyTorch's rule) to the first level's size.
 *
 * <p>Up-sampling is separable and linear, {@code up(f) = R · f · Cᵀ} with two sparse interpolation
 * matrices, so on small maps the whole sum is computed as two matrix products: each level's columns
 * are stretched ({@code f · Cᵀ}, a small product at the level's height), the results are stacked
 * along the height axis, and one product with the concatenated row matrices {@code [R₂ … R_L]}
 * stretches all the rows and adds the levels at once. On 128² crops that is about 2.5× faster than
 * four interpolations and four full-size additions (one full-size tensor is written instead of eight).
 * The dense row product costs ~H multiply-adds per output element, so on large maps (whole photos)
 * the plain interpolation is used. Both give the same values up to float rounding.
 */
final class FullScaleFusion {
  /** Largest height and width for which the matrix form is used. */
  static final int MATRIX_MAX = Integer.getInteger("qprune.fusion.matrixMax", 256);

  private FullScaleFusion() {}

  /** {@code levels.get(0)} (full size) plus every later level up-sampled to its size. */
  static NDArray fuse(List<NDArray> levels) {
    NDArray first = levels.get(0);
    return fuse(first, levels.subList(1, levels.size()), first.getShape().get(2), first.getShape().get(3),
        first.getManager());
  }

  /**
   * {@code first} (h × w, or null for zeros) plus every array of {@code lower} (null entries count
   * as zeros) up-sampled to h × w; null if every input is null. The interpolation matrices are made
   * in {@code arrays}.
   */
  static NDArray fuse(NDArray first, List<NDArray> lower, long h, long w, NDManager arrays) {
    List<NDArray> present = new ArrayList<>();
    for (NDArray f : lower) {
      if (f != null) {
        present.add(f);
      }
    }
    if (present.isEmpty()) {
      return first;
    }
    if (h > MATRIX_MAX || w > MATRIX_MAX) {
      NDArray fused = first;
      for (NDArray f : present) {
        NDArray up = f.getNDArrayInternal().interpolation(new long[] {h, w}, 1, false);
        fused = fused == null ? up : fused.add(up);
      }
      return fused;
    }
    NDList stretched = new NDList();
    List<NDArray> rows = new ArrayList<>();
    for (NDArray f : present) {
      int fh = Math.toIntExact(f.getShape().get(2));
      int fw = Math.toIntExact(f.getShape().get(3));
      NDArray colsT = arrays.create(matrix(fw, (int) w, true), new Shape(fw, w));
      stretched.add(f.matMul(colsT));
      rows.add(arrays.create(matrix(fh, (int) h, false), new Shape(h, fh)));
    }
    // DJL's concat of a single array returns a copy detached from autograd: skip it
    NDArray r = rows.size() == 1 ? rows.get(0) : NDArrays.concat(new NDList(rows), 1);
    NDArray g = stretched.size() == 1 ? stretched.get(0) : NDArrays.concat(stretched, 2);
    NDArray sum = r.matMul(g);
    return first == null ? sum : sum.add(first);
  }

  /**
   * The bilinear interpolation matrix from {@code in} to {@code out} samples (align_corners =
   * false, source index clamped at 0 as PyTorch does): {@code out × in} row-major, or its transpose
   * ({@code in × out}) when {@code transposed}.
   */
  static float[] matrix(int in, int out, boolean transposed) {
    float[] a = new float[out * in];
    double scale = (double) in / out;
    for (int d = 0; d < out; d++) {
      double src = Math.max(0.0, (d + 0.5) * scale - 0.5);
      int i0 = (int) Math.floor(src);
      int i1 = Math.min(i0 + 1, in - 1);
      float lambda = (float) (src - i0);
      a[transposed ? i0 * out + d : d * in + i0] += 1f - lambda;
      a[transposed ? i1 * out + d : d * in + i1] += lambda;
    }
    return a;
  }
}
