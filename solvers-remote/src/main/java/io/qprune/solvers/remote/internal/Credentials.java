package io.qprune.solvers.remote.internal;

import io.qprune.solvers.remote.RemoteAuthException;
import io.qprune.solvers.remote.ServiceErrorDetails;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds a service token without it ever passing through the command line: an environment
 * variable (named by {@code token_env}), else a file ({@code token_file}) holding either the bare
 * token or a {@code token = ...} line, as in D-Wave's {@code dwave.conf}.
 */
public final class Credentials {
  private static final Pattern TOKEN_LINE = Pattern.compile("^\\s*token\\s*[=:]\\s*(\\S.*?)\\s*$");

  private Credentials() {}

  /** The token, or null when neither source has one. */
  public static Secret find(Map<String, String> env, String envName, String file) {
    String v = envName == null || envName.isEmpty() ? null : env.get(envName);
    if (v != null && !v.isBlank()) {
      return Secret.of(v, "$" + envName);
    }
    if (file == null || file.isEmpty()) {
      return null;
    }
    Path p = Path.of(file.startsWith("~/") ? System.getProperty("user.home") + file.substring(1) : file);
    List<String> lines;
    try {
      lines = Files.readAllLines(p, StandardCharsets.UTF_8);
    } catch (IOException e) {
      return null;
    }
    for (String line : lines) {
      Matcher m = TOKEN_LINE.matcher(line);
      if (m.matches()) {
        return Secret.of(m.group(1), p.toString());
      }
    }
    List<String> nonEmpty = lines.stream().map(String::strip).filter(s -> !s.isEmpty()
        && !s.startsWith("#") && !s.startsWith("[")).toList();
    return nonEmpty.size() == 1 && !nonEmpty.get(0).contains("=") ? Secret.of(nonEmpty.get(0), p.toString()) : null;
  }

  /** The token; its absence is an error that says where to put one. */
  public static Secret require(String service, Map<String, String> env, String envName, String file) {
    Secret s = find(env, envName, file);
    if (s == null) {
      throw new RemoteAuthException(ServiceErrorDetails.of(service, null), "No API token for " + service
          + ": the environment variable " + envName + " is " + (env.containsKey(envName) ? "empty" : "not set")
          + (file == null || file.isEmpty() ? "" : " and " + file + " holds no token")
          + ". Set " + envName + ", or point token_env at another variable, or token_file at a file "
          + "with a 'token = ...' line (tokens are never taken from the command line).", null);
    }
    return s;
  }
}
