package io.qprune.bench.cli;

import io.qprune.api.InvalidInputException;
import io.qprune.api.Qubo;
import io.qprune.bench.embedding.EmbeddingBench;
import io.qprune.bench.embedding.EmbeddingCase;
import io.qprune.bench.embedding.EmbeddingRow;
import io.qprune.bench.embedding.EmbeddingTable;
import io.qprune.formulation.importance.ScoreSet;
import io.qprune.formulation.importance.UnitLayout;
import io.qprune.formulation.importance.io.ScoreFiles;
import io.qprune.formulation.model.Denoiser;
import io.qprune.formulation.model.ModelFile;
import io.qprune.formulation.model.Torch;
import io.qprune.formulation.prune.PruneConfig;
import io.qprune.formulation.prune.PruneRun;
import io.qprune.formulation.prune.PruneSettings;
import io.qprune.formulation.qubo.HybridQubo;
import io.qprune.solvers.remote.embedding.CliqueEmbedder;
import io.qprune.solvers.remote.embedding.HardwareGraph;
import io.qprune.api.io.AtomicFiles;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code qprune bench embedding}: minor-embeds the pruning QUBO of a network (each layer's alone and
 * the whole network's) on Pegasus/Zephyr working graphs by clique chains, the heuristic and auto, and
 * anneals the physical problems with sa to measure chain breaks at several chain strengths.
 */
@Command(name = "embedding", mixinStandardHelpOptions = true,
    header = "Measure minor-embeddings of the pruning QUBOs on Pegasus and Zephyr.",
    description = {"Embed the per-layer and whole-network pruning QUBOs on each graph by each method: embedding"
        + " time, qubits, chain lengths; then sa on the physical problem (the simulator's QPU stand-in) for the"
        + " chain-break fraction at each chain-strength scale. Writes embedding.csv, embedding.json, summary.md"
        + " and chain-breaks.png/.svg."})
public final class BenchEmbeddingCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--scores", paramLabel = "FILE", description = "Scores to build the QUBO from (as prune writes"
      + " scores.json, or --scores files); default: the shipped model's, calibrated as prune does.")
  Path scores;

  @Option(names = "--config", paramLabel = "FILE", description = "Pruning config for the QUBO (alpha, beta,"
      + " redundancy, normalisation) and the calibration; default: built-in defaults.")
  Path config;

  @Option(names = "--graphs", split = ",", defaultValue = "pegasus16,zephyr15",
      description = "Working graphs, perfect yield: pegasusM, zephyrM (t = 4) (default: ${DEFAULT-VALUE}).")
  List<String> graphs;

  @Option(names = "--methods", split = ",", defaultValue = "clique,heuristic,auto",
      description = "Embedding methods (default: ${DEFAULT-VALUE}).")
  List<String> methods;

  @Option(names = "--scopes", split = ",", defaultValue = "layers,network",
      description = "layers: each layer's QUBO alone; network: the whole QUBO (default: ${DEFAULT-VALUE}).")
  List<String> scopes;

  @Option(names = "--chain-strength-scales", split = ",", defaultValue = "1,0.5,0.25,0.1",
      description = "Chain strengths as multiples of uniform torque compensation (default: ${DEFAULT-VALUE}).")
  double[] scales;

  @Option(names = "--num-reads", defaultValue = "10", description = "sa anneals per physical problem (default: ${DEFAULT-VALUE}).")
  int numReads;

  @Option(names = "--num-sweeps", defaultValue = "1000", description = "sa sweeps per anneal (default: ${DEFAULT-VALUE}).")
  int numSweeps;

  @Option(names = "--embedding-passes", defaultValue = "30", description = "Heuristic passes (default: ${DEFAULT-VALUE}).")
  int passes;

  @Option(names = "--density-threshold", defaultValue = "0.5", description = "auto's density threshold (default: ${DEFAULT-VALUE}).")
  double density;

  @Mixin SharedOptions.Seed seedOption;

  @Option(names = "--out", defaultValue = "bench-embedding", paramLabel = "DIR", description = "Output folder (default: ${DEFAULT-VALUE}).")
  Path out;

  @Override
  public Integer call() {
    return CliErrors.run(this::run, spec.commandLine().getErr());
  }

  private int run() throws Exception {
    for (String s : scopes) {
      if (!s.equals("layers") && !s.equals("network")) {
        throw new InvalidInputException("--scopes: '" + s + "' is neither layers nor network");
      }
    }
    if (scales.length == 0 || Arrays.stream(scales).anyMatch(s -> !(s > 0) || Double.isInfinite(s))) {
      throw new InvalidInputException("--chain-strength-scales must be positive numbers, got " + Arrays.toString(scales));
    }
    if (numReads < 1 || numSweeps < 1 || passes < 1) {
      throw new InvalidInputException("--num-reads, --num-sweeps and --embedding-passes must be >= 1, got "
          + numReads + ", " + numSweeps + " and " + passes);
    }
    graphs.forEach(EmbeddingBench::lattice); // bad names fail before any work
    EmbeddingBench bench = new EmbeddingBench(new EmbeddingBench.Options(methods, scales, numReads, numSweeps, passes,
        density, seedOption.seed));
    PruneConfig cfg = config == null ? PruneConfig.defaults() : PruneConfig.load(config);
    PrintWriter pw = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    ScoreSet s = scores(cfg, err);
    PruneSettings ps = cfg.settings();
    Qubo q = HybridQubo.build(s, ps.normalisation(), ps.alpha(), ps.beta(), ps.redundancy());
    List<EmbeddingCase> cases = new ArrayList<>();
    UnitLayout layout = s.layout();
    if (scopes.contains("layers")) {
      for (int l = 0; l < layout.numLayers(); l++) {
        int[] vars = new int[layout.layerSize(l)];
        for (int k = 0; k < vars.length; k++) {
          vars[k] = layout.member(l, k);
        }
        cases.add(new EmbeddingCase("layer", layout.layers().get(l), EmbeddingBench.restrict(q, vars)));
      }
    }
    if (scopes.contains("network")) {
      cases.add(new EmbeddingCase("network", "network", q));
    }
    pw.printf(Locale.ROOT, "pruning QUBO: %d units, %d interactions, %d layers (alpha %s, beta %s, %s redundancy)%n",
        q.numVariables(), q.numInteractions(), layout.numLayers(), ps.alpha(), ps.beta(), ps.redundancy());
    Map<String, int[]> cliques = new LinkedHashMap<>();
    for (String g : graphs) {
      HardwareGraph hw = EmbeddingBench.lattice(g).graph();
      List<int[]> c = CliqueEmbedder.largestClique(hw);
      int max = c.stream().mapToInt(x -> x.length).max().orElse(0);
      cliques.put(g, new int[] {c.size(), max});
      pw.printf(Locale.ROOT, "%s: %d qubits, %d couplers; largest clique found K_%d (max chain %d)%n", g, hw.size(),
          hw.numEdges(), c.size(), max);
    }
    pw.flush();
    List<EmbeddingRow> rows = bench.run(cases, graphs, r -> {
      err.printf(Locale.ROOT, "%s %s %s: %s%s%n", r.graph(), r.method(), r.c().name(), r.ok() ? "ok" : r.status(),
          r.ok() ? String.format(Locale.ROOT, ", %.2f s, %d qubits, max chain %d, breaks %.4f @ %s×UTC", r.seconds(),
              r.qubits(), r.chainMax(), r.breaks().get(0).fractionMean(), r.breaks().get(0).scale()) : "");
      err.flush();
    });
    Files.createDirectories(out);
    String table = EmbeddingTable.table(rows, scales);
    pw.print(table);
    Map<String, Object> settings = new LinkedHashMap<>();
    settings.put("scores", scores == null ? "shipped model (calibrated)" : scores.toString());
    settings.put("alpha", ps.alpha());
    settings.put("beta", ps.beta());
    settings.put("redundancy", ps.redundancy().toString());
    settings.put("normalisation", ps.normalisation().toString());
    settings.put("graphs", graphs);
    settings.put("methods", methods);
    settings.put("chain_strength_scales", scales);
    settings.put("num_reads", numReads);
    settings.put("num_sweeps", numSweeps);
    settings.put("embedding_passes", passes);
    settings.put("density_threshold", density);
    settings.put("seed", seedOption.seed);
    settings.put("h_range", new double[] {-4, 4});
    settings.put("j_range", new double[] {-1, 1});
    EmbeddingTable.writeCsv(out.resolve("embedding.csv"), rows);
    EmbeddingTable.writeJson(out.resolve("embedding.json"), settings, cliques, rows);
    AtomicFiles.writeString(out.resolve("summary.md"), table);
    boolean plotted = EmbeddingTable.plot(out, rows);
    pw.printf(Locale.ROOT, "wrote %s (embedding.csv, embedding.json, summary.md%s)%n", out,
        plotted ? ", chain-breaks.png/.svg" : "");
    pw.flush();
    return ExitCodes.OK;
  }

  private ScoreSet scores(PruneConfig cfg, PrintWriter err) throws Exception {
    if (scores != null) {
      return ScoreFiles.read(scores);
    }
    err.println("scores of the shipped model ...");
    err.flush();
    Torch.configure(cfg.threads());
    String model = cfg.model();
    try (Denoiser m = "default".equals(model) ? ModelFile.loadDefault() : ModelFile.load(Path.of(model))) {
      return PruneRun.calibrate(m, cfg);
    }
  }
}
