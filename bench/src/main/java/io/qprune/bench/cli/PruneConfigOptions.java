package io.qprune.bench.cli;

import io.qprune.formulation.prune.Method;
import io.qprune.formulation.prune.PruneConfig;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Option;

/** The options shared by {@code prune} and {@code bench pruning} that override the config file. */
public final class PruneConfigOptions {
  @Option(names = "--config", paramLabel = "FILE", description = "Pruning config (YAML or JSON; default: built-in defaults, see configs/prune-default.yaml).")
  Path config;

  @Option(names = "--model", paramLabel = "FILE", description = "Model file, or resnet20 for the shipped classifier (default: the shipped Half-UNet).")
  Path model;

  @Option(names = "--data", paramLabel = "DIR", description = "Classifiers: the Fashion-MNIST folder (default: $QPRUNE_FASHION_MNIST or /usr/share/datasets/fashion-mnist).")
  Path data;

  @Option(names = "--method", paramLabel = "METHOD", converter = MethodConverter.class,
      description = "The selection method: hybrid, linear, l1-qubo (QUBOs), taylor, l1, fisher (greedy) or halp"
          + " (knapsack, budgets only).")
  Method method;

  @Option(names = "--alpha", description = "Taylor weight in the importance (Fisher gets 1 - alpha).")
  Double alpha;

  @Option(names = "--beta", description = "Weight of the within-layer redundancy term.")
  Double beta;

  @Option(names = "--solver", paramLabel = "NAME", description = "Solver name (see `qprune solvers`); resets solver_parameters.")
  String solver;

  @Option(names = {"-p", "--param"}, paramLabel = "KEY=VALUE", description = "Solver parameter (repeatable).")
  Map<String, String> params = new LinkedHashMap<>();

  @Option(names = "--set", paramLabel = "KEY=VALUE", description = "Any config key (repeatable), e.g. --set exact_k=native.")
  Map<String, String> sets = new LinkedHashMap<>();

  @Option(names = "--flops", paramLabel = "F", description = "Prune to a FLOPs budget: keep at most the fraction F of the unpruned network's FLOPs (instead of --sparsity).")
  Double flops;

  @Option(names = "--params", paramLabel = "F", description = "Prune to a parameter budget: keep at most the fraction F of the unpruned network's parameters.")
  Double paramsBudget;

  @Option(names = "--latency", paramLabel = "F", description = {"Prune to a latency budget: at most the fraction F of the unpruned network's latency",
      "measured on this machine (Half-UNet, 1 thread, 256²; fitted once and cached). Beside --flops/--params: a cap."})
  Double latency;

  @Option(names = "--compensation", description = "Bias compensation (Half-UNet): fold each pruned unit's calibration mean into its consumers' biases (config key bias_compensation).")
  boolean compensation;

  @Option(names = "--seed", description = "Seed of the calibration crops and the solver.")
  Long seed;

  @Option(names = "--threads", description = "PyTorch intra-op threads.")
  Integer threads;

  @Option(names = "--cluster", paramLabel = "URL", description = "Where refinement evaluations run: local (this process, default), local[N], local[*] or spark://host:port.")
  String cluster;

  /** Reads {@code --method} as {@link Method#parse} does (l1-qubo, not L1_QUBO). */
  static final class MethodConverter implements picocli.CommandLine.ITypeConverter<Method> {
    @Override
    public Method convert(String value) {
      try {
        return Method.parse(value);
      } catch (io.qprune.api.InvalidInputException e) {
        throw new picocli.CommandLine.TypeConversionException(e.getMessage());
      }
    }
  }

  /** The config file (or defaults) with every given option applied. */
  PruneConfig build(Double sparsity) {
    PruneConfig c = config == null ? PruneConfig.defaults() : PruneConfig.load(config);
    for (Map.Entry<String, String> e : sets.entrySet()) {
      c = c.with(e.getKey(), e.getValue());
    }
    c = model == null ? c : c.with("model", model.toString());
    c = sparsity == null ? c : c.with("sparsity", sparsity);
    c = method == null ? c : c.with("method", method.toString());
    c = flops == null ? c : c.with("flops", flops);
    c = paramsBudget == null ? c : c.with("params", paramsBudget);
    c = latency == null ? c : c.with("latency", latency);
    c = alpha == null ? c : c.with("alpha", alpha);
    c = beta == null ? c : c.with("beta", beta);
    c = seed == null ? c : c.with("seed", seed);
    c = compensation ? c.with("bias_compensation", true) : c;
    c = threads == null ? c : c.with("threads", threads);
    c = cluster == null ? c : c.with("cluster", cluster);
    if (solver != null) {
      c = c.with("solver", solver).with("solver_parameters", Map.of());
    }
    if (!params.isEmpty()) {
      Map<String, Object> p = new LinkedHashMap<>(c.solverParameters());
      p.putAll(params);
      c = c.with("solver_parameters", p);
    }
    c.cluster(); // a bad address fails now, whether or not refinement runs
    return c;
  }
}
