package io.qprune.bench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.qprune.api.Qubo;
import io.qprune.api.io.BqmJson;
import io.qprune.bench.solvers.BestKnown;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GenerateCommandTest {
  @TempDir
  Path dir;

  @Test
  void writesTheModelAndItsGroundEnergyWhereBenchSolversFindsIt() throws Exception {
    CliRun r = CliRun.main("generate", "planted", "--size", "4", "--alpha", "0.25", "--seed", "3", "--out",
        dir.toString());
    assertThat(r.code()).as(r.err()).isZero();
    Path file = dir.resolve("planted-L4-a0.25-r1-avoid-s3.json");
    Qubo q = BqmJson.read(file);
    assertThat(q.numVariables()).isEqualTo(64);
    Double known = new BestKnown().lookup(file, "planted-L4-a0.25-r1-avoid-s3");
    assertThat(known).isNotNull().isNegative();
    assertThat(r.out()).contains("ground energy " + known.longValue());
    CliRun again = CliRun.main("generate", "planted", "--size", "4", "--seed", "4", "--out", dir.toString());
    assertThat(again.code()).isZero();
    assertThat(Files.readAllLines(dir.resolve("planted_best_known.csv"))).hasSize(3);
    CliRun old = CliRun.main("generate", "planted", "--size", "4", "--seed", "3", "--rule", "redraw", "--out",
        dir.toString());
    assertThat(old.code()).as(old.err()).isZero();
    assertThat(dir.resolve("planted-L4-a0.25-r1-s3.json")).exists();
  }

  @Test
  void badInputExitsWithTwo() {
    CliRun r = CliRun.main("generate", "planted", "--size", "1", "--out", dir.toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("--size 1");
    CliRun rule = CliRun.main("generate", "planted", "--size", "4", "--rule", "loose", "--out", dir.toString());
    assertThat(rule.code()).isEqualTo(2);
    assertThat(rule.err()).contains("--rule loose");
  }
}
