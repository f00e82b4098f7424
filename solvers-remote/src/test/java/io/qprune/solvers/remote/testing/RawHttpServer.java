package io.qprune.solvers.remote.testing;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * A raw-socket HTTP server on 127.0.0.1 whose connection handling tests choose, unlike WireMock's
 * (always keep-alive): HTTP/1.0 answers on one request per connection, then close (as Python's
 * {@code http.server} does); HTTP/1.1 with {@code Connection: close}; or HTTP/1.1 keep-alive that
 * closes a connection idle for N ms. It can also reset a connection after reading a request,
 * without answering. What it answers comes from a {@link Handler}, e.g. {@link #forwardTo} a
 * WireMock server with the service simulators, so that their state and journal stay the judge.
 */
public final class RawHttpServer implements AutoCloseable {
  /** How connections are kept. */
  public enum Mode { HTTP_1_0, CONNECTION_CLOSE, KEEP_ALIVE }

  /** A request as read off the wire; header names in lower case. */
  public record Request(String method, String target, Map<String, String> headers, byte[] body) {}

  /** A reply to write; {@code Content-Length} and the connection headers are added. */
  public record Response(int status, Map<String, String> headers, byte[] body) {}

  /** Answers a request; an IOException resets the connection. */
  public interface Handler {
    Response handle(Request r) throws IOException;
  }

  private final ServerSocket server;
  private final Handler handler;
  private final Mode mode;
  private final int idleCloseMillis;
  private volatile Predicate<Request> resetBeforeHandling = r -> false;
  private volatile Predicate<Request> resetAfterHandling = r -> false;
  private final ExecutorService pool = Executors.newCachedThreadPool(r -> {
    Thread t = new Thread(r, "raw-http-server");
    t.setDaemon(true);
    return t;
  });
  private final Set<Socket> open = ConcurrentHashMap.newKeySet();
  private final AtomicInteger connections = new AtomicInteger();
  private final AtomicInteger requests = new AtomicInteger();
  private final AtomicInteger resets = new AtomicInteger();

  private RawHttpServer(Handler handler, Mode mode, int idleCloseMillis) throws IOException {
    this.server = new ServerSocket(0, 128, InetAddress.getLoopbackAddress());
    this.handler = handler;
    this.mode = mode;
    this.idleCloseMillis = idleCloseMillis;
    pool.execute(this::accept);
  }

  /** Starts a server in {@code mode}; {@code idleCloseMillis > 0} closes keep-alive connections idle that long. */
  public static RawHttpServer start(Handler handler, Mode mode, int idleCloseMillis) {
    try {
      return new RawHttpServer(handler, mode, idleCloseMillis);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** Resets (RST) the connection of a matching request instead of handling it: nothing was processed. */
  public RawHttpServer resetBeforeHandling(Predicate<Request> p) {
    this.resetBeforeHandling = p;
    return this;
  }

  /** Handles a matching request (the job is created), then resets the connection instead of answering. */
  public RawHttpServer resetAfterHandling(Predicate<Request> p) {
    this.resetAfterHandling = p;
    return this;
  }

  /** {@code http://127.0.0.1:PORT} (no trailing slash). */
  public String base() {
    return "http://127.0.0.1:" + server.getLocalPort();
  }

  public int connections() {
    return connections.get();
  }

  public int requests() {
    return requests.get();
  }

  public int resets() {
    return resets.get();
  }

  /** Connections the server still holds open. */
  public int openConnections() {
    return open.size();
  }

  private void accept() {
    while (!server.isClosed()) {
      try {
        Socket s = server.accept();
        s.setTcpNoDelay(true);
        connections.incrementAndGet();
        open.add(s);
        pool.execute(() -> serve(s));
      } catch (IOException e) {
        return; // closed
      }
    }
  }

  private void serve(Socket s) {
    try (s) {
      InputStream in = new BufferedInputStream(s.getInputStream());
      OutputStream out = s.getOutputStream();
      boolean first = true;
      while (true) {
        if (!first && idleCloseMillis > 0) {
          s.setSoTimeout(idleCloseMillis);
        }
        Request r;
        try {
          r = read(in);
        } catch (SocketTimeoutException idle) {
          return; // close an idle connection: the client may have it pooled
        }
        if (r == null) {
          return;
        }
        s.setSoTimeout(0);
        first = false;
        requests.incrementAndGet();
        if (resetBeforeHandling.test(r)) {
          reset(s);
          return;
        }
        Response resp;
        try {
          resp = handler.handle(r);
        } catch (IOException e) {
          reset(s);
          return;
        } catch (RuntimeException e) {
          new IllegalStateException("raw-http-server: the handler failed on " + r.method() + " " + r.target(), e)
              .printStackTrace();
          reset(s);
          return;
        }
        if (resetAfterHandling.test(r)) {
          reset(s);
          return;
        }
        write(out, resp);
        if (mode != Mode.KEEP_ALIVE) {
          s.shutdownOutput(); // as http.server does: FIN after the reply
          return;
        }
      }
    } catch (IOException e) {
      // the client went away
    } finally {
      open.remove(s);
    }
  }

  private void reset(Socket s) throws IOException {
    resets.incrementAndGet();
    s.setSoLinger(true, 0);
    s.close();
  }

  /** Reads one request; null at a clean end of stream before its first byte. */
  private static Request read(InputStream in) throws IOException {
    String line = line(in, true);
    if (line == null) {
      return null;
    }
    String[] p = line.split(" ");
    if (p.length != 3) {
      throw new IOException("bad request line " + line);
    }
    Map<String, String> h = new LinkedHashMap<>();
    for (String l = line(in, false); !l.isEmpty(); l = line(in, false)) {
      int c = l.indexOf(':');
      h.put(l.substring(0, c).strip().toLowerCase(Locale.ROOT), l.substring(c + 1).strip());
    }
    if (h.containsKey("transfer-encoding")) {
      throw new IOException("chunked request bodies are not supported here");
    }
    int n = Integer.parseInt(h.getOrDefault("content-length", "0"));
    byte[] body = in.readNBytes(n);
    if (body.length != n) {
      throw new IOException("request body cut short");
    }
    return new Request(p[0], p[1], h, body);
  }

  private static String line(InputStream in, boolean eofOk) throws IOException {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    for (int c = in.read(); c != '\n'; c = in.read()) {
      if (c < 0) {
        if (eofOk && b.size() == 0) {
          return null;
        }
        throw new IOException("request cut short");
      }
      b.write(c);
    }
    String s = b.toString(StandardCharsets.ISO_8859_1);
    return s.endsWith("\r") ? s.substring(0, s.length() - 1) : s;
  }

  private void write(OutputStream out, Response r) throws IOException {
    StringBuilder head = new StringBuilder(mode == Mode.HTTP_1_0 ? "HTTP/1.0 " : "HTTP/1.1 ")
        .append(r.status()).append(' ').append(r.status() < 400 ? "OK" : "Error").append("\r\n");
    r.headers().forEach((k, v) -> head.append(k).append(": ").append(v).append("\r\n"));
    head.append("Content-Length: ").append(r.body().length).append("\r\n");
    if (mode == Mode.CONNECTION_CLOSE) {
      head.append("Connection: close\r\n");
    }
    head.append("\r\n");
    ByteArrayOutputStream all = new ByteArrayOutputStream();
    all.writeBytes(head.toString().getBytes(StandardCharsets.ISO_8859_1));
    all.writeBytes(r.body());
    out.write(all.toByteArray()); // one write: no Nagle / delayed-ACK stall between head and body
    out.flush();
  }

  /**
   * A handler that relays each request to {@code base} (e.g. a WireMock server) on a connection of
   * its own (so that no client library's retry repeats it) and its reply back; a failure of the
   * backend (a WireMock fault) resets the client's connection.
   */
  public static Handler forwardTo(String base) {
    java.net.URI u = java.net.URI.create(base);
    Set<String> hop = Set.of("connection", "content-length", "keep-alive", "transfer-encoding");
    return r -> {
      try (Socket b = new Socket(u.getHost(), u.getPort())) {
        StringBuilder head = new StringBuilder(r.method()).append(' ').append(r.target()).append(" HTTP/1.1\r\n");
        r.headers().forEach((k, v) -> {
          if (!hop.contains(k)) {
            head.append(k).append(": ").append(v).append("\r\n");
          }
        });
        head.append("Content-Length: ").append(r.body().length).append("\r\nConnection: close\r\n\r\n");
        OutputStream out = b.getOutputStream();
        out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
        out.write(r.body());
        out.flush();
        InputStream in = new BufferedInputStream(b.getInputStream());
        String status = line(in, false);
        Map<String, String> h = new LinkedHashMap<>();
        Map<String, String> lower = new LinkedHashMap<>();
        for (String l = line(in, false); !l.isEmpty(); l = line(in, false)) {
          int c = l.indexOf(':');
          String k = l.substring(0, c).strip();
          lower.put(k.toLowerCase(Locale.ROOT), l.substring(c + 1).strip());
          if (!hop.contains(k.toLowerCase(Locale.ROOT))) {
            h.put(k, l.substring(c + 1).strip());
          }
        }
        byte[] body;
        if ("chunked".equalsIgnoreCase(lower.get("transfer-encoding"))) {
          ByteArrayOutputStream all = new ByteArrayOutputStream();
          for (int n = Integer.parseInt(line(in, false).split(";")[0].strip(), 16); n > 0;
              n = Integer.parseInt(line(in, false).split(";")[0].strip(), 16)) {
            all.write(in.readNBytes(n));
            line(in, false);
          }
          body = all.toByteArray();
        } else if (lower.containsKey("content-length")) {
          body = in.readNBytes(Integer.parseInt(lower.get("content-length")));
        } else {
          body = in.readAllBytes();
        }
        return new Response(Integer.parseInt(status.split(" ")[1]), h, body);
      }
    };
  }

  @Override
  public void close() {
    try {
      server.close();
    } catch (IOException e) {
      // closing anyway
    }
    for (Socket s : open) {
      try {
        s.close();
      } catch (IOException e) {
        // closing anyway
      }
    }
    pool.shutdownNow();
  }
}
