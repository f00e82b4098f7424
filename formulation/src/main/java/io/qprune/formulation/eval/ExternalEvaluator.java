package io.qprune.formulation.eval;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.qprune.api.InvalidInputException;
import io.qprune.api.QpruneException;
import io.qprune.api.cluster.BatchEvaluator;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Scores keep-masks with a process of the user's (their own framework, their own metric), over
 * line-delimited JSON on its stdin/stdout: it first writes {@code {"ready": true, "units": n,
 * "metric": "...", "goal": "max"|"min", "unit_ids": [...]}}, then answers each request line
 * {@code {"id": k, "masks": [[0/1, ...], ...]}} with {@code {"id": k, "values": [...]}} (one per
 * mask, in order) or {@code {"id": k, "error": "..."}}, and exits at end of input. Every answer
 * must come within the timeout; on any failure the process is stopped and the error quotes the
 * end of its stderr. Not thread-safe; close it to shut the process down.
 */
public final class ExternalEvaluator implements BatchEvaluator {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String EOF = "\u0000eof";
  private static final int STDERR_LINES = 40;

  private final String command;
  private final Process process;
  private final Writer stdin;
  private final BlockingQueue<String> stdout = new LinkedBlockingQueue<>();
  private final Deque<String> stderr = new ArrayDeque<>();
  private final Duration timeout;
  private final Thread stderrPump;
  private final int units;
  private final List<String> unitIds;
  private final String metric;
  private final boolean maximise;
  private long nextId;
  private boolean closed;

  private ExternalEvaluator(String command, Process process, Duration timeout) {
    this.command = command;
    this.process = process;
    this.timeout = timeout;
    this.stdin = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
    pump(process.getInputStream(), line -> stdout.add(line), () -> stdout.add(EOF));
    this.stderrPump = pump(process.getErrorStream(), this::keepStderr, () -> {});
    JsonNode hello = read("its ready line");
    if (!hello.path("ready").asBoolean(false) || !hello.path("units").canConvertToInt()
        || hello.get("units").asInt() < 1) {
      throw fail("began with " + hello + " instead of {\"ready\": true, \"units\": n, ...}", null);
    }
    this.units = hello.get("units").asInt();
    List<String> ids = new ArrayList<>();
    hello.path("unit_ids").forEach(n -> ids.add(n.asText()));
    if (!ids.isEmpty() && ids.size() != units) {
      throw fail("says it has " + units + " units but lists " + ids.size() + " unit_ids", null);
    }
    this.unitIds = List.copyOf(ids);
    this.metric = hello.path("metric").asText("value");
    String goal = hello.path("goal").asText("max");
    if (!goal.equals("max") && !goal.equals("min")) {
      throw fail("declares goal '" + goal + "'; expected max or min", null);
    }
    this.maximise = goal.equals("max");
  }

  /**
   * Starts {@code command} (a shell command line, run by {@code /bin/sh -c} in {@code dir}) and
   * waits for its ready line; each answer (the ready line too) must come within {@code timeout}.
   */
  public static ExternalEvaluator start(String command, Path dir, Duration timeout) {
    if (command == null || command.isBlank()) {
      throw new InvalidInputException("The evaluator command is empty; give e.g. --evaluator"
          + " 'python3 -m qprune_torch.eval --weights model.pt'");
    }
    if (timeout.isNegative() || timeout.isZero()) {
      throw new InvalidInputException("The evaluator timeout must be positive, got " + timeout);
    }
    ProcessBuilder pb = new ProcessBuilder("/bin/sh", "-c", command);
    if (dir != null) {
      pb.directory(dir.toFile());
    }
    Process p;
    try {
      p = pb.start();
    } catch (IOException e) {
      throw new QpruneException("Could not start the evaluator '" + command + "': " + e.getMessage(), e);
    }
    return new ExternalEvaluator(command, p, timeout);
  }

  /** Units per mask, as the evaluator declared. */
  public int units() {
    return units;
  }

  /** The evaluator's unit ids in mask order (empty when it listed none). */
  public List<String> unitIds() {
    return unitIds;
  }

  /** The metric's name, e.g. {@code accuracy}. */
  public String metric() {
    return metric;
  }

  /** Whether a larger value is better. */
  public boolean maximise() {
    return maximise;
  }

  /** Checks that the evaluator's units are {@code ids} (when it listed any), in that order. */
  public void requireUnits(List<String> ids, String source) {
    if (units != ids.size()) {
      throw new InvalidInputException(source + " has " + ids.size() + " units but the evaluator '"
          + abbreviate(command) + "' has " + units);
    }
    for (int i = 0; i < unitIds.size(); i++) {
      if (!unitIds.get(i).equals(ids.get(i))) {
        throw new InvalidInputException("Unit " + i + " is '" + ids.get(i) + "' in " + source
            + " but '" + unitIds.get(i) + "' for the evaluator: were the scores made from its network?");
      }
    }
  }

  /** The metric of each mask (flags 0/1, {@link #units()} each), in order: one request line. */
  public double[] values(List<int[]> masks) {
    if (closed) {
      throw new IllegalStateException("The evaluator is closed");
    }
    if (masks.isEmpty()) {
      return new double[0];
    }
    long id = nextId++;
    ObjectNode req = JSON.createObjectNode().put("id", id);
    ArrayNode arr = req.putArray("masks");
    for (int[] m : masks) {
      if (m.length != units) {
        throw new InvalidInputException("A mask of " + m.length + " flags for an evaluator of " + units + " units");
      }
      ArrayNode row = arr.addArray();
      for (int b : m) {
        row.add(b);
      }
    }
    try {
      stdin.write(req + "\n");
      stdin.flush();
    } catch (IOException e) {
      throw fail("stopped reading its input (" + e.getMessage() + ")", e);
    }
    JsonNode reply = read("the answer to request " + id);
    if (reply.path("id").asLong(-1) != id) {
      throw fail("answered " + reply.path("id") + " to request " + id, null);
    }
    if (reply.hasNonNull("error")) {
      throw fail("rejected request " + id + ": " + reply.get("error").asText(), null);
    }
    JsonNode vals = reply.path("values");
    if (!vals.isArray() || vals.size() != masks.size()) {
      throw fail("answered request " + id + " with " + (vals.isArray() ? vals.size() + " values" : reply)
          + " for " + masks.size() + " masks", null);
    }
    double[] out = new double[masks.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = vals.get(i).isNumber() ? vals.get(i).asDouble() : Double.NaN;
      if (!Double.isFinite(out[i])) {
        throw fail("answered " + vals.get(i) + " for mask " + i + " of request " + id, null);
      }
    }
    return out;
  }

  /** The values as scores to maximise (negated when the goal is min), in order. */
  public double[] scores(List<int[]> masks) {
    double[] v = values(masks);
    for (int i = 0; i < v.length; i++) {
      v[i] = maximise ? v[i] : -v[i];
    }
    return v;
  }

  /** One row per mask: its metric value. */
  @Override
  public double[][] evaluate(List<int[]> candidates) {
    double[] v = values(candidates);
    double[][] rows = new double[v.length][];
    for (int i = 0; i < v.length; i++) {
      rows[i] = new double[] {v[i]};
    }
    return rows;
  }

  private JsonNode read(String what) {
    String line;
    try {
      line = stdout.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw fail("was interrupted while waiting for " + what, e);
    }
    if (line == null) {
      throw fail("did not send " + what + " within " + timeout.toSeconds() + " s", null);
    }
    if (line == EOF) {
      throw fail("ended before " + what + exitCode(), null);
    }
    try {
      JsonNode n = JSON.readTree(line);
      if (n == null || !n.isObject()) {
        throw fail("wrote '" + abbreviate(line) + "' instead of a JSON object (" + what + ")", null);
      }
      return n;
    } catch (JacksonException e) {
      throw fail("wrote '" + abbreviate(line) + "', not JSON, instead of " + what
          + " (print logs to stderr, not stdout)", e);
    }
  }

  private String exitCode() {
    try {
      return process.waitFor(2, TimeUnit.SECONDS) ? " (exit code " + process.exitValue() + ")" : "";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "";
    }
  }

  private QpruneException fail(String what, Throwable cause) {
    closed = true;
    kill();
    try {
      stderrPump.join(1000); // what it said last, before it went
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    String err;
    synchronized (stderr) {
      err = stderr.isEmpty() ? " It wrote nothing to stderr." : " The end of its stderr:\n  "
          + String.join("\n  ", stderr);
    }
    return new QpruneException("The evaluator '" + abbreviate(command) + "' " + what + "." + err, cause);
  }

  private void keepStderr(String line) {
    synchronized (stderr) {
      stderr.addLast(line);
      if (stderr.size() > STDERR_LINES) {
        stderr.removeFirst();
      }
    }
  }

  private static String abbreviate(String s) {
    return s.length() <= 200 ? s : s.substring(0, 200) + "...";
  }

  private static Thread pump(InputStream in, java.util.function.Consumer<String> line, Runnable end) {
    Thread t = new Thread(() -> {
      try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
        for (String s = r.readLine(); s != null; s = r.readLine()) {
          line.accept(s);
        }
      } catch (IOException e) {
        // the process went away; `end` reports it
      } finally {
        end.run();
      }
    }, "external-evaluator-io");
    t.setDaemon(true);
    t.start();
    return t;
  }

  /** Closes its input (it should exit at end of input), waits up to 5 s, then stops it. */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    try {
      stdin.close();
    } catch (IOException e) {
      // already gone
    }
    try {
      if (!process.waitFor(5, TimeUnit.SECONDS)) {
        kill();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      kill();
    }
  }

  /** Stops the process and what it started (the shell's children first: they outlive it). */
  private void kill() {
    try {
      stdin.close();
    } catch (IOException e) {
      // already gone
    }
    process.descendants().forEach(ProcessHandle::destroyForcibly);
    process.destroyForcibly();
    try {
      process.waitFor(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
