package io.qprune.bench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class BenchSolversCommandTest {
  @TempDir
  Path dir;

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    CommandLine cl = new CommandLine(new BenchCommand());
    cl.setOut(new PrintWriter(out));
    cl.setErr(new PrintWriter(err));
    return cl.execute(args);
  }

  /** Two tiny OR-Library instances and a best-known table laid out like ../shared/data/qubo. */
  private Path instances() throws Exception {
    Path folder = Files.createDirectories(dir.resolve("data/orlib_bqp"));
    // max x'Qx: instance 1 is best at x = (1, 1): 3 + 2 + 2*(-1) = 3; instance 2 at x = (1, 1, 1): 4 + 2 = 6
    Files.writeString(folder.resolve("bqp2.txt"), "2\n2 3\n1 1 3\n2 2 2\n1 2 -1\n3 2\n2 2 4\n1 3 1\n");
    Files.writeString(dir.resolve("data/bqp_best_known.csv"),
        "instance,n,best_known_max,sources\nbqp2-1,2,3,test\nbqp2-2,3,7,\"a, b\"\n");
    Files.writeString(folder.resolve("notes.md"), "not an instance\n");
    return dir.resolve("data");
  }

  @Test
  void runsEverySolverOnEveryInstanceAndWritesCsvJsonAndATable() throws Exception {
    Path data = instances();
    Path outDir = dir.resolve("out");
    int code = run("solvers", "--instances", data.toString(), "--solvers", "sa,tabu", "--time-limit", "0.2",
        "--repeats", "2", "--out", outDir.toString(), "--param", "sa.num_threads=1");
    assertThat(code).as(err.toString()).isZero();
    List<String> csv = Files.readAllLines(outDir.resolve("results.csv"));
    assertThat(csv).hasSize(1 + 2 * 2 * 2);
    assertThat(csv.get(0)).startsWith("instance,variables,solver,repeat,seed,objective,best_known,gap");
    assertThat(csv).anyMatch(l -> l.startsWith("bqp2-1,2,sa,0,1,3,3,0,0,true,"));
    assertThat(csv).anyMatch(l -> l.startsWith("bqp2-2,3,tabu,1,2,6,7,1,14.2857,false,"));
    Map<?, ?> json = new ObjectMapper().readValue(outDir.resolve("results.json").toFile(), Map.class);
    assertThat((List<?>) json.get("results")).hasSize(8);
    assertThat(out.toString()).contains("best known").contains("hit").contains("2/2").contains("0/2");
    try (var files = Files.list(outDir)) {
      assertThat(files.map(p -> p.getFileName().toString()).filter(n -> !n.endsWith(".png") && !n.endsWith(".svg")))
          .containsExactlyInAnyOrder("results.csv", "results.json", "report.html");
    }
  }

  @Test
  void badInputExitsWith2AndOneClearLine() throws Exception {
    Path data = instances();
    assertThat(run("solvers", "--instances", dir.resolve("nope").toString())).isEqualTo(2);
    assertThat(err.toString()).contains("does not exist");
    assertThat(run("solvers", "--instances", data.toString(), "--solvers", "annealing")).isEqualTo(2);
    assertThat(err.toString()).contains("Unknown solver 'annealing'");
    assertThat(run("solvers", "--instances", data.toString(), "--time-limit", "-1")).isEqualTo(2);
    assertThat(run("solvers", "--instances", data.toString(), "--param", "sa.num_sweeps=zero")).isEqualTo(2);
    assertThat(err.toString()).contains("num_sweeps");
    assertThat(run("solvers", "--instances", data.toString(), "--param", "qa.x=1")).isEqualTo(2);
    assertThat(run("solvers")).isEqualTo(2); // picocli: missing required option
  }

  @Test
  void filterSelectsInstancesByName() throws Exception {
    Path data = instances();
    Path outDir = dir.resolve("out");
    assertThat(run("solvers", "--instances", data.toString(), "--solvers", "descent", "--filter", "bqp2-2",
        "--time-limit", "0.2", "--out", outDir.toString())).isZero();
    assertThat(Files.readAllLines(outDir.resolve("results.csv"))).hasSize(2);
  }
}
