package io.qprune.bench.solvers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.qprune.api.InvalidInputException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A plan's seed is read exactly (no rounding through double), up to the limit that leaves room for seed + repeat. */
class PlanFileSeedTest {
  @TempDir Path dir;

  private Path plan(String seed) throws Exception {
    Files.createDirectories(dir.resolve("data"));
    Files.writeString(dir.resolve("data/G0"), "2 1\n1 2 1\n");
    return Files.writeString(dir.resolve("p.yaml"), "solvers: [sa]\ninstances: [data/G0]\nseed: " + seed + "\n");
  }

  @Test
  void largeSeedsReproduceExactly() throws Exception {
    for (long seed : new long[] {9_007_199_254_740_993L, Long.MAX_VALUE / 2, 3}) {
      assertThat(PlanFile.read(plan(Long.toString(seed))).seed()).isEqualTo(seed);
    }
  }

  @Test
  void seedsPastTheLimitOrNotWholeAreNamedWithTheLine() throws Exception {
    for (String bad : new String[] {Long.toString(Long.MAX_VALUE / 2 + 1), "9223372036854775807"}) {
      Path p = plan(bad);
      assertThatThrownBy(() -> PlanFile.read(p)).isInstanceOf(InvalidInputException.class)
          .hasMessageStartingWith(p + ":3: 'seed' must be a whole number from 0 to " + Long.MAX_VALUE / 2);
    }
    for (String bad : new String[] {"1.5", "'7'", "9223372036854775808"}) {
      Path p = plan(bad);
      assertThatThrownBy(() -> PlanFile.read(p)).isInstanceOf(InvalidInputException.class)
          .hasMessageStartingWith(p + ":3: 'seed' must be a whole number").hasMessageContaining(bad.replace('\'', '"'));
    }
  }
}
