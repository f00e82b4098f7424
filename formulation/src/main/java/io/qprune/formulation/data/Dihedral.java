package io.qprune.formulation.data;

/** The 8 rotations/flips of a square image, used to augment training patches. */
final class Dihedral {
  private Dihedral() {}

  /** Applies transform {@code k} in 0..7: rotate by 90°·(k mod 4), then mirror if k ≥ 4. */
  static Image apply(Image sq, int k) {
    if (k == 0) {
      return sq;
    }
    int s = sq.height();
    int ch = sq.channels();
    float[] out = new float[ch * s * s];
    for (int c = 0; c < ch; c++) {
      for (int y = 0; y < s; y++) {
        for (int x = 0; x < s; x++) {
          int sy = y;
          int sx = k >= 4 ? s - 1 - x : x;
          for (int r = 0; r < k % 4; r++) {
            int t = sy;
            sy = s - 1 - sx;
            sx = t;
          }
          out[(c * s + y) * s + x] = sq.get(c, sy, sx);
        }
      }
    }
    return Image.wrap(ch, s, s, out);
  }
}
