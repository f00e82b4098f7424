package io.qprune.solvers.remote.dwave;

import io.qprune.solvers.remote.internal.Reply;
import io.qprune.solvers.remote.internal.ServiceErrors;
import java.util.Locale;

/**
 * SAPI's versioned media types: requests ask for {@code application/vnd.dwave.sapi.KIND+json;
 * version=3.0.0}, and a 2xx reply must declare that media type with a version compatible with
 * 3.0 (3.x), as dwave-cloud-client checks in its default strict mode.
 */
final class SapiMedia {
  static final String VERSION = "3.0.0";

  private SapiMedia() {}

  static String type(String kind) {
    return "application/vnd.dwave.sapi." + kind + "+json";
  }

  static String accept(String kind) {
    return type(kind) + "; version=" + VERSION;
  }

  static void check(Reply r, String kind, ServiceErrors errors, String jobId) {
    String ct = r.contentType();
    String expected = type(kind);
    if (ct == null || ct.isBlank()) {
      throw errors.protocol(jobId, r.what() + " returned no Content-Type; expected " + expected
          + " version 3.x. Maybe the endpoint is not a SAPI endpoint.");
    }
    String[] parts = ct.split(";");
    String media = parts[0].strip().toLowerCase(Locale.ROOT);
    if (!media.equals(expected)) {
      throw errors.protocol(jobId, r.what() + " returned Content-Type '" + ct + "'; expected " + expected
          + " version 3.x. Maybe the endpoint is not a SAPI endpoint (it should end in /sapi/ or /sapi/v2/).");
    }
    String version = null;
    for (int i = 1; i < parts.length; i++) {
      String[] kv = parts[i].split("=", 2);
      if (kv.length == 2 && kv[0].strip().equalsIgnoreCase("version")) {
        version = kv[1].strip().replace("\"", "");
      }
    }
    if (version == null || !compatible(version)) {
      throw errors.protocol(jobId, r.what() + " returned format version " + version + " of " + expected
          + "; this adapter reads version 3.x (~=3.0). The service API may have changed; update qprune.");
    }
  }

  /** {@code ~=3.0}: major 3, any minor. */
  static boolean compatible(String version) {
    String[] v = version.split("\\.");
    try {
      return Integer.parseInt(v[0]) == 3;
    } catch (NumberFormatException e) {
      return false;
    }
  }
}
