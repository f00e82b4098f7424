package io.qprune.solvers.remote.testing;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.qprune.solvers.remote.dwave.SapiSimulator;
import io.qprune.solvers.remote.fujitsu.DaSimulator;
import io.qprune.solvers.remote.http.BqmHttpSimulator;

/**
 * The three simulated services on one local WireMock server: SAPI under {@code /sapi/}, the
 * Digital Annealer under {@code /da/}, a BQM-JSON sampler at {@code /sample}. Tests start it in
 * process; {@code main} runs it on a port for trying the command line by hand.
 */
public final class StubServer {
  private StubServer() {}

  /** Starts the server on 127.0.0.1 ({@code port} 0: any free port). */
  public static WireMockServer start(int port) {
    WireMockServer s = new WireMockServer(wireMockConfig().port(port).bindAddress("127.0.0.1")
        .extensions(new SapiSimulator(), new DaSimulator(), new BqmHttpSimulator()));
    s.start();
    s.stubFor(any(urlPathMatching("/sapi/.*")).willReturn(aResponse().withTransformers(SapiSimulator.NAME)));
    s.stubFor(any(urlPathMatching("/da/.*")).willReturn(aResponse().withTransformers(DaSimulator.NAME)));
    s.stubFor(post(urlPathEqualTo("/sample")).willReturn(aResponse().withTransformers(BqmHttpSimulator.NAME)));
    return s;
  }

  /** {@code StubServer [port]}: serves until killed; the token the stubs accept is {@link Stubs#TOKEN}. */
  public static void main(String[] args) {
    WireMockServer s = start(args.length > 0 ? Integer.parseInt(args[0]) : 0);
    System.out.println("stub services on http://127.0.0.1:" + s.port() + " (/sapi/, /da/, /sample); token file "
        + Stubs.tokenFile());
  }
}
