package io.qprune.formulation.model;

/**
 * Per-sample mask gradients {@code ∂L/∂m} (and optionally pooled activations) of every unit on
 * a calibration batch, where L is the summed per-sample training loss (MSE on the 0–1 scale for a
 * denoiser, cross-entropy for a classifier), so
 * that {@code gradient(u, n) = ∂L_n/∂m_u}. Taylor scores use the mean over samples, Fisher
 * scores the mean square.
 */
public final class Calibration {
  private final double[][] gradients;
  private final float[][] activations;
  private final int samples;
  private final int pooled;

  Calibration(double[][] gradients, float[][] activations, int samples, int pooled) {
    this.gradients = gradients;
    this.activations = activations;
    this.samples = samples;
    this.pooled = pooled;
  }

  /** Number of calibration samples. */
  public int samples() {
    return samples;
  }

  /** Number of units. */
  public int units() {
    return gradients.length;
  }

  /** {@code ∂L_n/∂m_unit} for one sample. */
  public double gradient(int unit, int sample) {
    return gradients[unit][sample];
  }

  /** A copy of one unit's per-sample gradients. */
  public double[] gradients(int unit) {
    return gradients[unit].clone();
  }

  /** First-order Taylor score: |mean over samples of ∂L/∂m|. */
  public double taylor(int unit) {
    double s = 0;
    for (double g : gradients[unit]) {
      s += g;
    }
    return Math.abs(s / samples);
  }

  /** Fisher score: ½ · mean over samples of (∂L/∂m)². */
  public double fisher(int unit) {
    double s = 0;
    for (double g : gradients[unit]) {
      s += g * g;
    }
    return 0.5 * s / samples;
  }

  /** Whether pooled activations were recorded. */
  public boolean hasActivations() {
    return activations != null;
  }

  /** Side of the average-pooled activation maps (0 when none were recorded). */
  public int pooledSize() {
    return pooled;
  }

  /**
   * A copy of one unit's unmasked activations, average-pooled to pooled × pooled, laid out
   * sample × map-of-unit × pooled × pooled (for redundancy, e.g. cosine similarity); a unit's maps
   * are its channels (two for a Ghost unit), or for a residual stream the channel at each place it
   * is made.
   */
  public float[] activations(int unit) {
    if (activations == null) {
      throw new IllegalStateException("Activations were not recorded; pass a pooled size > 0");
    }
    return activations[unit].clone();
  }
}
