package io.qprune.api.io;

import com.fasterxml.jackson.databind.JsonNode;

/** Checks of dimod's serialised arrays {@code {type:"array", data, data_type, shape, use_bytes}}. */
final class ArrayObjects {
  private ArrayObjects() {}

  /** The array is stored as JSON lists (not bytes). */
  static void checkPlain(JsonFields f, JsonNode arr, String ptr) {
    JsonNode type = arr.get("type");
    if (type != null && !"array".equals(type.textValue())) {
      throw f.error(ptr + "/type", JsonDoc.display(ptr) + ".type is " + JsonFields.describe(type)
          + ", expected \"array\"");
    }
    JsonNode useBytes = arr.get("use_bytes");
    if (useBytes != null && f.bool(useBytes, ptr + "/use_bytes")) {
      throw f.error(ptr + "/use_bytes", JsonDoc.display(ptr) + " is stored as raw bytes "
          + "(use_bytes: true), which only BSON can carry; re-export with "
          + "sampleset.to_serializable(use_bytes=False)");
    }
  }

  /** The declared shape, when present, equals {@code expected}. */
  static void checkShape(JsonFields f, JsonNode arr, String ptr, long... expected) {
    JsonNode shape = arr.get("shape");
    if (shape == null) {
      return;
    }
    f.array(shape, ptr + "/shape");
    boolean ok = shape.size() == expected.length;
    for (int k = 0; ok && k < expected.length; k++) {
      ok = f.integer(shape.get(k), ptr + "/shape/" + k, 0, Long.MAX_VALUE) == expected[k];
    }
    if (!ok) {
      StringBuilder want = new StringBuilder("[");
      for (int k = 0; k < expected.length; k++) {
        want.append(k == 0 ? "" : ",").append(expected[k]);
      }
      throw f.error(ptr + "/shape", JsonDoc.display(ptr) + ".shape is " + shape + " but num_rows "
          + "and num_variables imply " + want + "]; the file is corrupt");
    }
  }
}
