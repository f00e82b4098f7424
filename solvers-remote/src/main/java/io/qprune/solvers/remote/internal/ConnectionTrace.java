package io.qprune.solvers.remote.internal;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import javax.net.SocketFactory;
import okhttp3.Call;
import okhttp3.Connection;
import okhttp3.EventListener;
import okhttp3.Protocol;
import okhttp3.Response;

/**
 * What happened to the connection of one HTTP attempt, told by OkHttp's events: whether the
 * connection came from the pool, whether it was found dead when taken (the server had closed it,
 * or sent something unasked, e.g. a TLS close_notify or a 408, while it sat idle), and whether the
 * attempt failed while the request was still being written. It also refuses to reuse a connection
 * after an HTTP/1.0 reply without {@code Connection: keep-alive} (OkHttp reuses those; servers
 * such as Python's {@code http.server} close them).
 */
final class ConnectionTrace extends EventListener {
  /** Plain sockets backed by channels, so that an idle one can be checked without waiting. */
  static final SocketFactory SOCKETS = new SocketFactory() {
    @Override
    public Socket createSocket() throws IOException {
      Socket s = SocketChannel.open().socket();
      s.setTcpNoDelay(true); // requests are written whole; waiting to coalesce only adds delayed-ACK stalls
      return s;
    }

    @Override
    public Socket createSocket(String host, int port) throws IOException {
      return connected(new java.net.InetSocketAddress(host, port));
    }

    @Override
    public Socket createSocket(String host, int port, InetAddress local, int localPort) throws IOException {
      return connected(new java.net.InetSocketAddress(host, port));
    }

    @Override
    public Socket createSocket(InetAddress host, int port) throws IOException {
      return connected(new java.net.InetSocketAddress(host, port));
    }

    @Override
    public Socket createSocket(InetAddress host, int port, InetAddress local, int localPort) throws IOException {
      return connected(new java.net.InetSocketAddress(host, port));
    }

    private Socket connected(java.net.InetSocketAddress a) throws IOException {
      Socket s = createSocket();
      s.connect(a);
      return s;
    }
  };

  private boolean connected;
  private boolean reused;
  private boolean foundDead;
  private boolean requestFailed;
  private boolean noReuse;

  /** The attempt failed on a pooled connection before its request was fully written: the server has not seen it. */
  boolean failedOnStaleConnection() {
    return reused && requestFailed;
  }

  /** The request was not fully written (on any connection): the server cannot have acted on it. */
  boolean requestIncomplete() {
    return requestFailed;
  }

  /** The pooled connection was found closed by the server when taken (it was then closed here). */
  boolean foundDead() {
    return foundDead;
  }

  @Override
  public void connectStart(Call call, java.net.InetSocketAddress address, java.net.Proxy proxy) {
    connected = true;
  }

  @Override
  public void connectionAcquired(Call call, Connection connection) {
    reused = !connected;
    if (reused && unusable(connection.socket())) {
      foundDead = true;
      close(connection.socket()); // the write fails at once, and this attempt counts as never sent
    }
  }

  @Override
  public void requestFailed(Call call, IOException ioe) {
    requestFailed = true;
  }

  @Override
  public void responseHeadersEnd(Call call, Response response) {
    if (response.protocol() == Protocol.HTTP_1_0 && !"keep-alive".equalsIgnoreCase(response.header("Connection"))) {
      noReuse = true;
    }
  }

  @Override
  public void connectionReleased(Call call, Connection connection) {
    if (noReuse) {
      close(connection.socket()); // the pool drops a closed connection instead of reusing it
    }
  }

  /**
   * An idle HTTP/1 connection is unusable when the server closed it or sent anything unasked. A
   * channel socket is read without blocking; other sockets (TLS) are read for at most 1 ms, as
   * OkHttp's own health check does. A byte read here is lost, but the connection is closed anyway.
   */
  static boolean unusable(Socket s) {
    try {
      SocketChannel ch = s.getChannel();
      if (ch != null) {
        synchronized (ch.blockingLock()) {
          ch.configureBlocking(false);
          try {
            return ch.read(ByteBuffer.allocate(1)) != 0;
          } finally {
            ch.configureBlocking(true);
          }
        }
      }
      int old = s.getSoTimeout();
      s.setSoTimeout(1);
      try {
        s.getInputStream().read();
        return true;
      } catch (SocketTimeoutException quiet) {
        return false;
      } finally {
        s.setSoTimeout(old);
      }
    } catch (IOException e) {
      return true;
    }
  }

  private static void close(Socket s) {
    try {
      s.close();
    } catch (IOException e) {
      // closing a broken connection
    }
  }
}
