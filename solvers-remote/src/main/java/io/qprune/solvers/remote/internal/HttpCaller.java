package io.qprune.solvers.remote.internal;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import okhttp3.Call;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * Executes HTTP calls under a {@link RetryPolicy} and a {@link Deadline}. Idempotent calls are
 * retried on I/O errors, 408, 429 and 5xx (honouring Retry-After). A submission is repeated only
 * when it provably created nothing (connection refused, 429, 503); any other failure is an
 * {@link AmbiguousSubmission} the adapter resolves by looking the job up. A cancellation aborts
 * the call in flight.
 *
 * <p>Servers close connections: after each reply (HTTP/1.0, {@code Connection: close}) or when
 * they sit idle. OkHttp's own retry is off (it would also repeat a POST whose request reached the
 * server), so this class tells a dead pooled connection from an ambiguous failure itself, from
 * OkHttp's events ({@link ConnectionTrace}, one per attempt): a connection taken from the pool is
 * checked first, without waiting, and closed if the server has closed it (or sent anything unasked);
 * the attempt then fails while writing its request. An attempt that failed on a pooled connection
 * before its request was fully written never reached the server, so it is repeated at once, on
 * another connection, whatever the method (POST included) and without using up a retry. A request
 * not fully written on a fresh connection is likewise known unsent (retried after the back-off).
 * Everything else (the request was written, then the connection died with or without reply bytes)
 * stays ambiguous: the server may have acted on it. That includes the rare race of a server
 * closing an idle connection just after the check; counting "no reply byte on a reused
 * connection" as safe, as browsers do, would re-post a job whose server read it and then died.
 * HTTP/1.0 replies without {@code Connection: keep-alive} are not reused.
 */
public final class HttpCaller {
  /** Whether a call may be repeated blindly. */
  public enum Mode { IDEMPOTENT, SUBMIT }

  private static final ScheduledExecutorService WATCHER = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread t = new Thread(r, "qprune-remote-watch");
    t.setDaemon(true);
    return t;
  });

  /** Dead pooled connections one call may meet in a row (the pool keeps 5 idle per address). */
  private static final int MAX_STALE = 8;
  private final OkHttpClient client;
  private final RetryPolicy retry;
  private final ServiceErrors errors;

  public HttpCaller(OkHttpClient client, RetryPolicy retry, ServiceErrors errors) {
    this.client = client.newBuilder().retryOnConnectionFailure(false) // we decide what is retried
        .socketFactory(ConnectionTrace.SOCKETS)
        .eventListenerFactory(call -> {
          ConnectionTrace t = call.request().tag(ConnectionTrace.class);
          return t == null ? okhttp3.EventListener.NONE : t;
        }).build();
    this.retry = retry;
    this.errors = errors;
  }

  public ServiceErrors errors() {
    return errors;
  }

  /** Runs the call; non-2xx replies that are not retried become typed exceptions. */
  public Reply call(Request request, Mode mode, Deadline deadline, String jobId) {
    return call(request, mode, deadline, jobId, Duration.ZERO);
  }

  /** As {@link #call(Request, Mode, Deadline, String)}, allowing {@code extraWait} for a long poll. */
  public Reply call(Request request, Mode mode, Deadline deadline, String jobId, Duration extraWait) {
    String what = request.method() + " " + request.url().encodedPath()
        + (request.url().encodedQuery() == null ? "" : "?" + request.url().encodedQuery());
    int stale = 0;
    for (int attempt = 0; ; attempt++) {
      deadline.check();
      Reply r;
      ConnectionTrace trace = new ConnectionTrace();
      try {
        r = once(request.newBuilder().tag(ConnectionTrace.class, trace).build(), deadline, extraWait, what);
      } catch (IOException e) {
        deadline.check(); // an abort we caused is a stop, not a failure
        if (trace.failedOnStaleConnection() && stale < MAX_STALE) {
          stale++;
          attempt--; // the server never saw it: again at once, on another connection
          continue;
        }
        boolean unsent = e instanceof ConnectException || e instanceof UnknownHostException
            || e instanceof NoRouteToHostException || trace.requestIncomplete();
        if (mode == Mode.SUBMIT && !unsent) {
          throw new AmbiguousSubmission(what + " failed after the request may have been sent: " + e, e);
        }
        if (attempt >= retry.maxRetries()) {
          throw errors.forIo(what, e, jobId, attempt + 1);
        }
        pause(attempt, null, deadline);
        continue;
      }
      if (r.isSuccess()) {
        return r;
      }
      int s = r.status();
      boolean refused = s == 429 || s == 503;
      boolean transientStatus = refused || s == 408 || s >= 500;
      if (mode == Mode.SUBMIT && transientStatus && !refused) {
        throw new AmbiguousSubmission(what + " answered HTTP " + s + ErrorBody.parse(r).describe(), null);
      }
      if (!transientStatus || attempt >= retry.maxRetries()) {
        throw errors.forStatus(r, jobId, attempt + 1);
      }
      if (r.retryAfter() != null && r.retryAfter().compareTo(retry.max()) > 0) {
        throw errors.forStatus(r, jobId, attempt + 1); // the service wants a longer wait than allowed
      }
      pause(attempt, r.retryAfter(), deadline);
    }
  }

  private void pause(int attempt, Duration retryAfter, Deadline deadline) {
    Duration d = retry.delay(attempt, retryAfter, () -> ThreadLocalRandom.current().nextDouble());
    if (d.toNanos() > deadline.remainingNanos()) {
      deadline.sleep(Duration.ofNanos(deadline.remainingNanos()));
      deadline.check();
    }
    deadline.sleep(d);
  }

  private Reply once(Request request, Deadline deadline, Duration extraWait, String what) throws IOException {
    OkHttpClient c = extraWait.isZero() ? client
        : client.newBuilder().readTimeout(Duration.ofMillis(client.readTimeoutMillis()).plus(extraWait)).build();
    Call call = c.newCall(request);
    long rem = deadline.remainingNanos();
    if (rem != Long.MAX_VALUE) {
      call.timeout().timeout(Math.max(1, rem), TimeUnit.NANOSECONDS);
    }
    ScheduledFuture<?> watch = WATCHER.scheduleAtFixedRate(() -> {
      if (deadline.isCancelled() || deadline.isExpired()) {
        call.cancel();
      }
    }, 10, 10, TimeUnit.MILLISECONDS);
    try (Response resp = call.execute()) {
      ResponseBody body = resp.body();
      byte[] bytes = body == null ? new byte[0] : body.bytes();
      return new Reply(resp.code(), resp.header("Content-Type"), retryAfter(resp.header("Retry-After")), bytes, what);
    } catch (InterruptedIOException e) {
      deadline.check();
      throw e;
    } finally {
      watch.cancel(false);
    }
  }

  /** Retry-After as delta-seconds or an HTTP date; null when absent or unreadable. */
  static Duration retryAfter(String v) {
    if (v == null || v.isBlank()) {
      return null;
    }
    try {
      return Duration.ofMillis((long) (Double.parseDouble(v.strip()) * 1000));
    } catch (NumberFormatException e) {
      try {
        ZonedDateTime t = ZonedDateTime.parse(v.strip(), DateTimeFormatter.RFC_1123_DATE_TIME);
        Duration d = Duration.between(ZonedDateTime.now(t.getZone()), t);
        return d.isNegative() ? Duration.ZERO : d;
      } catch (java.time.format.DateTimeParseException e2) {
        return null;
      }
    }
  }
}
