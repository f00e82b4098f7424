package io.qprune.bench.cli;

import io.qprune.api.InvalidInputException;
import io.qprune.api.io.AtomicFiles;
import io.qprune.api.io.BqmJson;
import io.qprune.bench.planted.BestKnownTable;
import io.qprune.bench.planted.PlantedLoops;
import io.qprune.bench.solvers.SummaryTable;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code qprune generate planted}: writes a frustrated-loop instance with a planted ground state
 * as BQM JSON (SPIN), and its ground energy into {@code planted_best_known.csv} beside it, where
 * {@code qprune bench solvers} finds it.
 */
@Command(name = "planted", mixinStandardHelpOptions = true,
    header = "Write a planted frustrated-loop instance with its known ground energy.",
    description = "Write a planted frustrated-loop instance (Hen et al. 2015) on an L×L×L periodic cubic"
        + " lattice, with its ground energy in planted_best_known.csv beside it.")
public final class GeneratePlantedCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Option(names = "--size", required = true, description = "Lattice side L (L³ spins; 16 gives 4096).")
  int size;

  @Option(names = "--alpha", defaultValue = "0.25", description = "Loops per spin (default: ${DEFAULT-VALUE}).")
  double alpha;

  @Option(names = "--range", defaultValue = "1",
      description = "Largest |J| a summed coupling may reach; loops beyond it are redrawn (default: ${DEFAULT-VALUE}).")
  int range;

  @Option(names = "--min-length", defaultValue = "0",
      description = "Redraw loops shorter than this (default: ${DEFAULT-VALUE}, any loop).")
  int minLength;

  @Option(names = "--rule", defaultValue = "avoid",
      description = "avoid: walks avoid couplings already at the range, as dimod's frustrated_loop (at range 1"
          + " each edge is in one loop); redraw: walks cross every edge and loops past the range are redrawn"
          + " (mostly plaquettes, easy). Default: ${DEFAULT-VALUE}.")
  String rule;

  @Mixin SharedOptions.Seed seedOption;

  @Option(names = "--out", defaultValue = ".", description = "Folder to write into (default: the current folder).")
  Path out;

  @Override
  public Integer call() {
    return CliErrors.run(this::generate, spec.commandLine().getErr());
  }

  private int generate() {
    PlantedLoops.Rule r = switch (rule) {
      case "avoid" -> PlantedLoops.Rule.AVOID;
      case "redraw" -> PlantedLoops.Rule.REDRAW;
      default -> throw new InvalidInputException("--rule " + rule + " is not known. Maybe --rule avoid or --rule redraw");
    };
    PlantedLoops.Instance inst = PlantedLoops.generate(size, alpha, range, minLength, r, seedOption.seed);
    // the first version's instances (rule redraw) keep their names; avoid-rule ones say so
    String name = String.format(Locale.ROOT, "planted-L%d-a%s-r%d%s%s-s%d", size, plain(alpha),
        range, r == PlantedLoops.Rule.AVOID ? "-avoid" : "", minLength > 0 ? "-m" + minLength : "", seedOption.seed);
    Path file = out.resolve(name + ".json");
    AtomicFiles.write(file, o -> {
      Writer w = new OutputStreamWriter(o, StandardCharsets.UTF_8);
      BqmJson.write(inst.model(), w);
      w.flush();
    });
    Path table = out.resolve("planted_best_known.csv");
    BestKnownTable.put(table, name, inst.groundEnergy(), String.format(Locale.ROOT,
        "qprune generate planted --size %d --alpha %s --range %d --min-length %d --rule %s --seed %d (planted"
            + " ground state; %d loops, mean length %.3f)", size, plain(alpha), range, minLength, rule, seedOption.seed, inst.loops(), inst.meanLength()));
    PrintWriter pw = spec.commandLine().getOut();
    pw.printf(Locale.ROOT, "%s: %d spins, %d couplings, %d loops (mean length %.3f), ground energy %s%n", file,
        inst.model().numVariables(), inst.model().numInteractions(), inst.loops(), inst.meanLength(),
        SummaryTable.fmt(inst.groundEnergy(), 6));
    pw.printf("ground energy recorded in %s%n", table);
    pw.flush();
    return 0;
  }

  /** 0.25 as "0.25", 1.0 as "1": file names and the source note. */
  private static String plain(double d) {
    return java.math.BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
  }
}
