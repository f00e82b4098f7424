package io.qprune.formulation.eval;

import io.qprune.formulation.data.Image;

/** Pads an image at the bottom/right by mirror reflection (edge pixel not repeated). */
public final class ReflectPad {
  private ReflectPad() {}

  /** {@code image} padded so both sides are multiples of {@code multiple}. */
  public static float[] toMultiple(Image image, int multiple, int[] paddedSize) {
    int h = image.height();
    int w = image.width();
    int ph = (h + multiple - 1) / multiple * multiple;
    int pw = (w + multiple - 1) / multiple * multiple;
    paddedSize[0] = ph;
    paddedSize[1] = pw;
    float[] out = new float[image.channels() * ph * pw];
    for (int c = 0; c < image.channels(); c++) {
      for (int y = 0; y < ph; y++) {
        int sy = reflect(y, h);
        for (int x = 0; x < pw; x++) {
          out[(c * ph + y) * pw + x] = image.get(c, sy, reflect(x, w));
        }
      }
    }
    return out;
  }

  /** Index {@code i} reflected into [0, n), periodic with period 2(n − 1) for long pads. */
  static int reflect(int i, int n) {
    if (n == 1) {
      return 0;
    }
    int period = 2 * (n - 1);
    int m = Math.floorMod(i, period);
    return m < n ? m : period - m;
  }
}
