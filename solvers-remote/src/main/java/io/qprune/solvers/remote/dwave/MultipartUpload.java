package io.qprune.solvers.remote.dwave;

import com.fasterxml.jackson.databind.JsonNode;
import io.qprune.solvers.remote.internal.Deadline;
import io.qprune.solvers.remote.internal.HttpCaller.Mode;
import io.qprune.solvers.remote.internal.Json;
import io.qprune.solvers.remote.internal.Reply;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;

/**
 * SAPI's multipart problem upload: initiate ({@code POST bqm/multipart} with the size), PUT each
 * part with its {@code Content-MD5}, check the status (each part's checksum must match ours), then
 * combine with the MD5 of the concatenated part digests. Returns the problem data id for
 * {@code {"format":"ref"}} submissions. All calls are safe to repeat: nothing is charged.
 */
final class MultipartUpload {
  private static final MediaType OCTETS = MediaType.get("application/octet-stream");
  private final Sapi sapi;

  MultipartUpload(Sapi sapi) {
    this.sapi = sapi;
  }

  String upload(byte[] data, int partSize, Deadline d) {
    String body = "{\"size\":" + data.length + "}";
    JsonNode init = call(post("bqm/multipart", body), d, null);
    String pid = Json.field(init, "id", sapi.errors(), null, "The upload initiation reply").asText();
    Map<Integer, String> local = new TreeMap<>();
    Map<Integer, String> remote = parts(status(pid, d));
    int parts = Math.max(1, (data.length + partSize - 1) / partSize);
    for (int p = 1; p <= parts; p++) {
      byte[] chunk = Arrays.copyOfRange(data, (p - 1) * partSize, Math.min(data.length, p * partSize));
      byte[] md5 = md5(chunk);
      String hex = HexFormat.of().formatHex(md5);
      local.put(p, hex);
      if (hex.equals(remote.get(p))) {
        continue; // already there (a resumed upload)
      }
      Request put = sapi.request(sapi.settings().url("bqm/multipart/" + pid + "/part/" + p), "application/json")
          .header("Content-MD5", Base64.getEncoder().encodeToString(md5))
          .put(RequestBody.create(chunk, OCTETS)).build();
      call(put, d, pid);
    }
    JsonNode st = status(pid, d);
    remote = parts(st);
    for (Map.Entry<Integer, String> e : local.entrySet()) {
      String theirs = remote.get(e.getKey());
      if (!e.getValue().equals(theirs)) {
        throw sapi.errors().protocol(pid, "after uploading, part " + e.getKey() + " of problem data " + pid
            + " has checksum " + theirs + " on the service but " + e.getValue()
            + " here. The upload was corrupted; try again.");
      }
    }
    if (remote.size() != local.size()) {
      throw sapi.errors().protocol(pid, "the upload status of " + pid + " lists " + remote.size()
          + " parts; " + local.size() + " were uploaded");
    }
    call(post("bqm/multipart/" + pid + "/combine", "{\"checksum\":\"" + combined(local) + "\"}"), d, pid);
    return pid;
  }

  private JsonNode status(String pid, Deadline d) {
    Request r = sapi.request(sapi.settings().url("bqm/multipart/" + pid + "/status"), "application/json").get().build();
    JsonNode st = call(r, d, pid);
    Json.field(st, "status", sapi.errors(), pid, "The upload status");
    Json.field(st, "parts", sapi.errors(), pid, "The upload status");
    return st;
  }

  private Request post(String path, String json) {
    return sapi.request(sapi.settings().url(path), "application/json")
        .post(RequestBody.create(json.getBytes(StandardCharsets.UTF_8), Sapi.JSON)).build();
  }

  private JsonNode call(Request r, Deadline d, String pid) {
    Reply reply = sapi.http().call(r, Mode.IDEMPOTENT, d, pid);
    return Json.parse(reply, sapi.errors(), pid);
  }

  /** Part number to hex MD5 as SAPI reports them (it may wrap them in double quotes). */
  static Map<Integer, String> parts(JsonNode status) {
    Map<Integer, String> m = new TreeMap<>();
    for (JsonNode p : status.path("parts")) {
      m.put(p.path("part_number").asInt(), p.path("checksum").asText("").replace("\"", "").toLowerCase(java.util.Locale.ROOT));
    }
    return m;
  }

  /** hex(md5(concatenation of the raw part digests in part order)). */
  static String combined(Map<Integer, String> hexDigests) {
    StringBuilder all = new StringBuilder();
    new TreeMap<>(hexDigests).values().forEach(all::append);
    return HexFormat.of().formatHex(md5(HexFormat.of().parseHex(all)));
  }

  static byte[] md5(byte[] data) {
    try {
      return MessageDigest.getInstance("MD5").digest(data);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has MD5", e);
    }
  }
}
