package io.qprune.bench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.qprune.api.Solvers;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A plan run end to end with a call-counting solver: interruption, --resume, overrides and the report. */
class BenchCampaignTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  @TempDir
  Path dir;

  /** Two instances (bqp2-1 optimum 3 = best known; bqp2-2 optimum 6 < best known 7), two labels, 3 seeds. */
  private Path plan() throws Exception {
    Path data = Files.createDirectories(dir.resolve("data/orlib_bqp"));
    Files.writeString(data.resolve("bqp2.txt"), "2\n2 3\n1 1 3\n2 2 2\n1 2 -1\n3 2\n2 2 4\n1 3 1\n");
    Files.writeString(dir.resolve("data/bqp_best_known.csv"), "instance,best_known_max\nbqp2-1,3\nbqp2-2,7\n");
    Path plan = dir.resolve("plan.yaml");
    Files.writeString(plan, """
        instances: [data]
        solvers:
          - name: count
            label: exact
          - name: count
            label: lazy
            parameters: {quality: 0, remote: true}
        repeats: 3
        seed: 5
        time_limits: [0.1]
        out: out
        """);
    return plan;
  }

  private CliRun run(CountingProvider provider, String... args) {
    BenchSolversCommand c = new BenchSolversCommand();
    c.registry = () -> Solvers.of(List.of(provider));
    return CliRun.of(c, args);
  }

  private JsonNode results() throws Exception {
    return JSON.readTree(dir.resolve("out/results.json").toFile()).get("results");
  }

  @Test
  void anInterruptedCampaignResumesWithOnlyTheMissingCells() throws Exception {
    Path plan = plan();
    CountingProvider crashing = new CountingProvider();
    crashing.failOnCall = 8;
    CliRun first = run(crashing, "--plan", plan.toString());
    assertThat(first.code()).as(first.err()).isEqualTo(1);
    assertThat(first.err()).contains("simulated crash");
    JsonNode before = results();
    assertThat(before).hasSize(7);

    CountingProvider second = new CountingProvider();
    CliRun resumed = run(second, "--plan", plan.toString(), "--resume");
    assertThat(resumed.code()).as(resumed.err()).isZero();
    assertThat(resumed.out()).contains("Resuming: 7 runs already in");
    assertThat(second.calls).hasSize(12 - 7);
    JsonNode after = results();
    assertThat(after).hasSize(12);
    for (JsonNode old : before) {
      assertThat(after).contains(old); // the finished runs are kept as they were, timings included
    }

    CountingProvider third = new CountingProvider();
    assertThat(run(third, "--plan", plan.toString(), "--resume").code()).isZero();
    assertThat(third.calls).isEmpty();
  }

  @Test
  void resumeRunsExactlyTheCellsMissingFromResultsJson() throws Exception {
    Path plan = plan();
    CountingProvider full = new CountingProvider();
    assertThat(run(full, "--plan", plan.toString()).code()).isZero();
    assertThat(full.calls).hasSize(12);
    ObjectNode doc = (ObjectNode) JSON.readTree(dir.resolve("out/results.json").toFile());
    ArrayNode kept = JSON.createArrayNode();
    doc.get("results").forEach(r -> {
      if (!(r.get("instance").asText().equals("bqp2-2") && r.get("label").asText().equals("lazy"))) {
        kept.add(r);
      }
    });
    doc.set("results", kept);
    JSON.writeValue(dir.resolve("out/results.json").toFile(), doc);

    CountingProvider resumed = new CountingProvider();
    assertThat(run(resumed, "--plan", plan.toString(), "--resume").code()).isZero();
    assertThat(resumed.calls).containsExactly("q0 seed 5", "q0 seed 6", "q0 seed 7");
    assertThat(results()).hasSize(12);
  }

  @Test
  void resumeRefusesAFolderWrittenByAnotherPlan() throws Exception {
    Path plan = plan();
    assertThat(run(new CountingProvider(), "--plan", plan.toString()).code()).isZero();
    CountingProvider p = new CountingProvider();
    CliRun r = run(p, "--plan", plan.toString(), "--resume", "--repeats", "4");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("Cannot resume into").contains("different plan").contains("repeats was 3, now 4")
        .contains("new --out folder");
    assertThat(p.calls).isEmpty();
  }

  @Test
  void flagsOverrideThePlan() throws Exception {
    Path plan = plan();
    CountingProvider p = new CountingProvider();
    CliRun r = run(p, "--plan", plan.toString(), "--solvers", "count", "--repeats", "1", "--param", "count.quality=0",
        "--out", dir.resolve("other").toString());
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(p.calls).containsExactly("q0 seed 5", "q0 seed 5");
    JsonNode doc = JSON.readTree(dir.resolve("other/results.json").toFile());
    assertThat(doc.at("/plan/repeats").asInt()).isEqualTo(1);
    assertThat(doc.at("/plan/solvers/0/parameters/quality").asText()).isEqualTo("0");
  }

  @Test
  void writesAReportWithTablesPlotsAndServiceTimes() throws Exception {
    Path plan = plan();
    CliRun r = run(new CountingProvider(), "--plan", plan.toString());
    assertThat(r.code()).as(r.err()).isZero();
    Path out = dir.resolve("out");
    // exact reaches bqp2-1 (gap 0) and gets 6 of 7 on bqp2-2; lazy's all-zero sample scores 0: d = 100 or 85.7
    assertThat(r.out()).contains("exact  lazy").contains("exact better than lazy");
    List<String> csv = Files.readAllLines(out.resolve("results.csv"));
    assertThat(csv.get(0)).endsWith(",label,time_limit_s,service_seconds");
    assertThat(csv).filteredOn(l -> l.contains(",lazy,")).hasSize(6).allMatch(l -> l.endsWith(",0.00200000"));
    assertThat(csv).filteredOn(l -> l.contains(",exact,")).hasSize(6).allMatch(l -> l.endsWith(","));

    String html = Files.readString(out.resolve("report.html"));
    assertThat(html).startsWith("<!DOCTYPE html>").contains("<style>").endsWith("</html>\n")
        .contains("qprune bench solvers --plan").contains("[5, 6, 7]").contains("processors available")
        .contains("<h2>Summary</h2>").contains("<h2>Paired comparisons (Wilcoxon signed-rank)</h2>")
        .contains("<td class=\"l\">exact better than lazy</td>").contains("normal approx. (ties)")
        .contains("<h3>bqp2-1</h3>").contains("<h3>bqp2-2</h3>").contains("single time limit");
    assertThat(count(html, "<table>")).isEqualTo(5); // summary, Wilcoxon, time to target, two instances
    Matcher img = Pattern.compile("<img src=\"([^\"]+)\\.png\"").matcher(html);
    List<String> plots = new ArrayList<>();
    while (img.find()) {
      plots.add(img.group(1));
    }
    assertThat(plots).containsExactly("gap-vs-time-bqp2-1", "gap-vs-time-bqp2-2", "success-rate",
        "time-to-target-bqp2-1", "time-to-target-bqp2-2");
    for (String p : plots) {
      BufferedImage png = ImageIO.read(out.resolve(p + ".png").toFile());
      assertThat(png).as(p).isNotNull();
      assertThat(png.getWidth()).isEqualTo(720);
      assertThat(Files.readString(out.resolve(p + ".svg"))).contains("<svg");
    }
  }

  private static int count(String s, String what) {
    return s.split(Pattern.quote(what), -1).length - 1;
  }
}
