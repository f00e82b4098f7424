package io.qprune.formulation.eval;

import io.qprune.api.InvalidInputException;
import io.qprune.formulation.data.Image;

/** Peak signal-to-noise ratio on the 0–255 scale: {@code 10·log10(255² / MSE)}. */
public final class Psnr {
  /** The PSNR reported for identical images (MSE = 0), instead of infinity. */
  public static final double IDENTICAL = 100.0;

  private Psnr() {}

  /** PSNR of {@code test} against {@code reference} over every pixel and channel. */
  public static double of(Image reference, Image test) {
    checkSameShape(reference, test);
    double sum = 0;
    for (int c = 0; c < reference.channels(); c++) {
      for (int y = 0; y < reference.height(); y++) {
        for (int x = 0; x < reference.width(); x++) {
          double d = reference.get(c, y, x) - test.get(c, y, x);
          sum += d * d;
        }
      }
    }
    return fromMse(sum / reference.size());
  }

  /** PSNR for a mean squared error on the 0–255 scale. */
  public static double fromMse(double mse) {
    if (Double.isNaN(mse)) {
      throw new IllegalArgumentException("MSE is NaN: the network output is not finite");
    }
    return mse <= 0 ? IDENTICAL : 10 * Math.log10(255.0 * 255.0 / mse);
  }

  static void checkSameShape(Image a, Image b) {
    if (a.channels() != b.channels() || a.height() != b.height() || a.width() != b.width()) {
      throw new InvalidInputException("Images differ in shape: " + a + " vs " + b);
    }
  }
}
