package io.qprune.formulation.data;

/** A training batch of square noisy/clean patches, each laid out n × channels × size × size. */
public final class PatchBatch {
  private final int count;
  private final int channels;
  private final int size;
  private final float[] noisy;
  private final float[] clean;

  PatchBatch(int count, int channels, int size, float[] noisy, float[] clean) {
    this.count = count;
    this.channels = channels;
    this.size = size;
    this.noisy = noisy;
    this.clean = clean;
  }

  public int count() {
    return count;
  }

  public int channels() {
    return channels;
  }

  public int size() {
    return size;
  }

  /** A copy of the noisy patches (0–255 units). */
  public float[] noisy() {
    return noisy.clone();
  }

  /** A copy of the clean patches (0–255 units). */
  public float[] clean() {
    return clean.clone();
  }
}
