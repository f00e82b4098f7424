package io.qprune.formulation.eval;

import io.qprune.api.InvalidInputException;
import io.qprune.formulation.data.Image;

/**
 * The standard structural similarity (Wang et al. 2004): 11×11 Gaussian window with σ = 1.5,
 * K1 = 0.01, K2 = 0.03, data range 255, mean over the windows that fit inside the image ('valid'),
 * averaged over channels.
 */
public final class Ssim {
  static final int WINDOW = 11;
  private static final double C1 = Math.pow(0.01 * 255, 2);
  private static final double C2 = Math.pow(0.03 * 255, 2);
  private static final double[] G = gaussian();

  private Ssim() {}

  /** SSIM of {@code test} against {@code reference}; both must be at least 11×11. */
  public static double of(Image reference, Image test) {
    Psnr.checkSameShape(reference, test);
    int h = reference.height();
    int w = reference.width();
    if (h < WINDOW || w < WINDOW) {
      throw new InvalidInputException(
          "SSIM needs images of at least 11x11 pixels, got " + h + "x" + w);
    }
    double total = 0;
    for (int c = 0; c < reference.channels(); c++) {
      total += channel(reference, test, c);
    }
    return total / reference.channels();
  }

  // Separable filtering of the five moment maps; long but the clearest single pass.
  private static double channel(Image a, Image b, int c) {
    int h = a.height();
    int w = a.width();
    int ow = w - WINDOW + 1;
    int oh = h - WINDOW + 1;
    double[][] rows = new double[5][h * ow];
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < ow; x++) {
        double ma = 0, mb = 0, aa = 0, bb = 0, ab = 0;
        for (int k = 0; k < WINDOW; k++) {
          double va = a.get(c, y, x + k);
          double vb = b.get(c, y, x + k);
          double g = G[k];
          ma += g * va;
          mb += g * vb;
          aa += g * va * va;
          bb += g * vb * vb;
          ab += g * va * vb;
        }
        int i = y * ow + x;
        rows[0][i] = ma;
        rows[1][i] = mb;
        rows[2][i] = aa;
        rows[3][i] = bb;
        rows[4][i] = ab;
      }
    }
    double sum = 0;
    for (int y = 0; y < oh; y++) {
      for (int x = 0; x < ow; x++) {
        double[] m = new double[5];
        for (int k = 0; k < WINDOW; k++) {
          int i = (y + k) * ow + x;
          for (int s = 0; s < 5; s++) {
            m[s] += G[k] * rows[s][i];
          }
        }
        double va = m[2] - m[0] * m[0];
        double vb = m[3] - m[1] * m[1];
        double cov = m[4] - m[0] * m[1];
        sum += (2 * m[0] * m[1] + C1) * (2 * cov + C2)
            / ((m[0] * m[0] + m[1] * m[1] + C1) * (va + vb + C2));
      }
    }
    return sum / ((double) oh * ow);
  }

  private static double[] gaussian() {
    double[] g = new double[WINDOW];
    double sum = 0;
    for (int k = 0; k < WINDOW; k++) {
      double d = k - WINDOW / 2;
      g[k] = Math.exp(-d * d / (2 * 1.5 * 1.5));
      sum += g[k];
    }
    for (int k = 0; k < WINDOW; k++) {
      g[k] /= sum;
    }
    return g;
  }
}
