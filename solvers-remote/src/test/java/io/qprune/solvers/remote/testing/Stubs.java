package io.qprune.solvers.remote.testing;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/** Helpers the WireMock-based tests share: a token file, SAPI media types, fast test parameters. */
public final class Stubs {
  /** The token every stub expects; tests check it never leaks into messages. */
  public static final String TOKEN = "DEV-0123456789abcdef-secret";
  private static Path tokenFile;

  private Stubs() {}

  /** A file holding {@code token = TOKEN}, as in dwave.conf (tokens never come from parameters). */
  public static synchronized String tokenFile() {
    if (tokenFile == null) {
      try {
        tokenFile = Files.createTempFile("qprune-token", ".conf");
        Files.writeString(tokenFile, "[defaults]\ntoken = " + TOKEN + "\n");
        tokenFile.toFile().deleteOnExit();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return tokenFile.toString();
  }

  /** A SAPI reply with the versioned media type of {@code kind}. */
  public static ResponseDefinitionBuilder sapi(String kind, String json) {
    return aResponse().withStatus(200)
        .withHeader("Content-Type", "application/vnd.dwave.sapi." + kind + "+json; version=3.0.0").withBody(json);
  }

  /** A plain JSON reply. */
  public static ResponseDefinitionBuilder json(int status, String json) {
    return aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(json);
  }

  /** Parameters with an endpoint, the token file, tiny backoffs and polls, and no env token. */
  public static Map<String, Object> fast(String endpoint) {
    Map<String, Object> p = new HashMap<>();
    p.put("endpoint", endpoint);
    p.put("token_env", "QPRUNE_TEST_NO_SUCH_VARIABLE");
    p.put("token_file", tokenFile());
    p.put("backoff_initial", 0.01);
    p.put("backoff_max", 2.0);
    p.put("max_retries", 3);
    p.put("poll_interval", 0.01);
    p.put("request_timeout", 5.0);
    p.put("deadline_grace", 1.0);
    return p;
  }
}
