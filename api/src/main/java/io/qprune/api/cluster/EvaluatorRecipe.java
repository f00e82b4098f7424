package io.qprune.api.cluster;

import java.io.Serializable;

/**
 * What it takes to build a {@link BatchEvaluator} in any JVM (a model's bytes, the validation data
 * settings and seeds, ...): shipped to cluster executors, which build the evaluator once and keep
 * it for every later batch of the same recipe.
 */
public interface EvaluatorRecipe extends Serializable {
  /**
   * A key that is equal for recipes that build identical evaluators (e.g. a hash of the content),
   * under which an executor caches what {@link #build()} made.
   */
  String id();

  /** Builds the evaluator in this JVM; expensive, so called once per JVM and {@link #id()}. */
  BatchEvaluator build();

  /**
   * A content key for {@link #id()}: {@code prefix-} and the first 12 bytes of the SHA-256 of the
   * parts, in hex.
   */
  static String digest(String prefix, byte[]... parts) {
    try {
      java.security.MessageDigest md = java.security.MessageDigest.getInstance("SHA-256");
      for (byte[] p : parts) {
        md.update(java.nio.ByteBuffer.allocate(4).putInt(p.length).array()); // unambiguous boundaries
        md.update(p);
      }
      return prefix + "-" + java.util.HexFormat.of().formatHex(md.digest(), 0, 12);
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }
}
