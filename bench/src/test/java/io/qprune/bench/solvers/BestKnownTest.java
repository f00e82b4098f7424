package io.qprune.bench.solvers;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BestKnownTest {
  @TempDir
  Path dir;

  @Test
  void readsGsetAndBqpTablesBesideOrAboveTheInstance() throws Exception {
    Files.createDirectories(dir.resolve("gset"));
    Files.writeString(dir.resolve("gset_best_known.csv"),
        "instance,n,m,weights,best_known_cut,sources\nG22,2000,19990,+1,13359,\"AOC, OI\"\nG99,1,1,+1,,\n");
    Files.writeString(dir.resolve("gset/best_known_local.csv"), "instance,best_known_max\nlocal-1,7\n");
    BestKnown b = new BestKnown();
    Path g22 = dir.resolve("gset/G22.gz");
    assertThat(b.lookup(g22, "G22")).isEqualTo(13359.0);
    assertThat(b.lookup(g22, "local-1")).isEqualTo(7.0);
    assertThat(b.lookup(g22, "G99")).isNull();
    assertThat(b.lookup(dir.resolve("elsewhere/x/G22.gz"), "G22")).isNull();
  }

  @Test
  void splitsQuotedCells() {
    assertThat(BestKnown.split("a,\"b, c\",d")).isEqualTo(List.of("a", "b, c", "d"));
  }

  @Test
  void foldersExpandInNaturalOrderSkippingTables() throws Exception {
    for (String f : new String[] {"G10.gz", "G2.gz", "bqp_best_known.csv", "README.md", "G1.gz"}) {
      Files.writeString(dir.resolve(f), "x");
    }
    assertThat(InstanceFiles.expand(List.of(dir)).stream().map(p -> p.getFileName().toString()))
        .containsExactly("G1.gz", "G2.gz", "G10.gz");
  }

  @Test
  void gapIsMeasuredTowardsTheBetterSide() {
    BenchRow max = new BenchRow("G22", 2000, "sa", "sa", 0, 1, 10, 13357, true, 13359.0, 1, 10, null, 1, "sweeps/s");
    BenchRow min = new BenchRow("k", 3, "sa", "sa", 0, 1, 10, -5, false, -7.0, 1, 10, null, 1, "sweeps/s");
    assertThat(max.gap()).isEqualTo(2.0);
    assertThat(min.gap()).isEqualTo(2.0);
    assertThat(new BenchRow("G1", 800, "sa", "sa", 0, 1, 1, 11624, true, 11624.0, 1, 1, null, 1, "").reachedBestKnown()).isTrue();
  }
}
