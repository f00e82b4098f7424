package io.qprune.solvers.remote.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.qprune.solvers.remote.RemoteAuthException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CredentialsTest {
  @TempDir
  Path dir;

  @Test
  void theEnvironmentVariableComesFirst() throws Exception {
    Path f = Files.writeString(dir.resolve("t"), "from-file");
    Secret s = Credentials.find(Map.of("DWAVE_API_TOKEN", "from-env"), "DWAVE_API_TOKEN", f.toString());
    assertThat(s.reveal()).isEqualTo("from-env");
    assertThat(s.source()).isEqualTo("$DWAVE_API_TOKEN");
    assertThat(s.toString()).doesNotContain("from-env").contains("***");
  }

  @Test
  void aFileHoldsTheBareTokenOrATokenLineAsInDwaveConf() throws Exception {
    Path bare = Files.writeString(dir.resolve("bare"), "\n  abc-123  \n");
    assertThat(Credentials.find(Map.of(), "X", bare.toString()).reveal()).isEqualTo("abc-123");
    Path conf = Files.writeString(dir.resolve("dwave.conf"), "[defaults]\nendpoint = https://x/sapi/\n\n[prod]\ntoken = DEV-xyz\n");
    assertThat(Credentials.find(Map.of("X", " "), "X", conf.toString()).reveal()).isEqualTo("DEV-xyz");
    Path none = Files.writeString(dir.resolve("none.conf"), "[defaults]\nendpoint = https://x/sapi/\n");
    assertThat(Credentials.find(Map.of(), "X", none.toString())).isNull();
    assertThat(Credentials.find(Map.of(), "X", dir.resolve("missing").toString())).isNull();
  }

  @Test
  void aMissingTokenSaysWhereToPutOne() {
    assertThatThrownBy(() -> Credentials.require("dwave-qpu", Map.of(), "DWAVE_API_TOKEN", null))
        .isInstanceOf(RemoteAuthException.class).hasMessageContaining("DWAVE_API_TOKEN is not set")
        .hasMessageContaining("token_file").hasMessageContaining("never taken from the command line");
  }

  @Test
  void redactionRemovesEveryOccurrence() {
    Secret s = Secret.of("tok", "$T");
    assertThat(s.redact("a tok b tok")).isEqualTo("a *** b ***");
    assertThat(s.redact(null)).isNull();
  }
}
