package io.qprune.formulation.prune;

import io.qprune.api.InvalidInputException;
import io.qprune.api.config.ConfigFile;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What {@link Pruning#run} prunes and how: a scores file (your network; mask only) or a model
 * ({@code default}: the shipped Half-UNet, {@code resnet20} or a model file), the pruning config
 * (solver by name, budget: sparsity, FLOPs or parameter fraction, seed, ...) and where the files go.
 * Immutable; built like DJL's {@code Criteria}:
 * {@code PruneRequest.builder().setScores(file).optSolver("tabu").optSparsity(0.5).build()}, or
 * {@link #load} from a YAML/JSON prune config that may also name {@code scores}, {@code cost},
 * {@code data} and {@code out}.
 */
public final class PruneRequest {
  /** The keys a request file has beyond the pruning config's. */
  static final List<String> FILE_KEYS = List.of("scores", "cost", "data", "out");

  private final PruneConfig config;
  private final Path scores;
  private final Path cost;
  private final Path data;
  private final Path out;
  private final boolean resume;
  private final boolean modelSet;
  private final PruneRun.Progress progress;

  private PruneRequest(Builder b) {
    this.config = b.config;
    this.scores = b.scores;
    this.cost = b.cost;
    this.data = b.data;
    this.out = b.out;
    this.resume = b.resume;
    this.modelSet = b.modelSet;
    this.progress = b.progress;
  }

  /** A builder over the built-in defaults (the shipped Half-UNet, 36 % sparsity, hybrid QUBO, sa). */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * A request from a YAML ({@code .yaml}/{@code .yml}) or JSON file: the pruning config's keys
   * (configs/prune-default.yaml) plus optional {@code scores}, {@code cost}, {@code data} and
   * {@code out} paths; unknown keys and wrong types are errors naming the file, key and line.
   */
  public static PruneRequest load(Path file) {
    ConfigFile f = ConfigFile.read(file);
    PathKeys paths = f.only(FILE_KEYS).bind(PathKeys.class, new PathKeys(null, null, null, null));
    Builder b = builder().optConfig(PruneConfig.load(f.without(FILE_KEYS)));
    b.modelSet = f.tree().has("model");
    b.scores = path(paths.scores());
    b.cost = path(paths.cost());
    b.data = path(paths.data());
    b.out = path(paths.out());
    try {
      return b.build();
    } catch (InvalidInputException e) {
      throw new InvalidInputException(file + ": " + e.getMessage(), e);
    }
  }

  /** The path keys of a request file. */
  record PathKeys(String scores, String cost, String data, String out) {}

  private static Path path(String s) {
    return s == null ? null : Path.of(s);
  }

  /** A builder holding this request's values. */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.config = config;
    b.scores = scores;
    b.cost = cost;
    b.data = data;
    b.out = out;
    b.resume = resume;
    b.modelSet = modelSet;
    b.progress = progress;
    return b;
  }

  /** The pruning config (model, method, budget, solver and its parameters, seed, ...). */
  public PruneConfig config() {
    return config;
  }

  /** The scores file of a network pruned from scores computed elsewhere, or null to prune a model. */
  public Path scores() {
    return scores;
  }

  /** With scores and a FLOPs/parameter budget: the network's cost model file, else null. */
  public Path cost() {
    return cost;
  }

  /** Classifiers: the Fashion-MNIST folder, or null for the default place. */
  public Path data() {
    return data;
  }

  /** The folder the result's files go to, or null to write none. */
  public Path out() {
    return out;
  }

  /** Whether a refinement checkpointed in {@link #out} continues. */
  public boolean resume() {
    return resume;
  }

  /** Receives the stages' progress. */
  public PruneRun.Progress progress() {
    return progress;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof PruneRequest r && config.asMap().equals(r.config.asMap()) && Objects.equals(scores, r.scores)
        && Objects.equals(cost, r.cost) && Objects.equals(data, r.data) && Objects.equals(out, r.out)
        && resume == r.resume && modelSet == r.modelSet;
  }

  @Override
  public int hashCode() {
    return Objects.hash(config.asMap(), scores, cost, data, out, resume);
  }

  @Override
  public String toString() {
    return "PruneRequest" + (scores != null ? "[scores " + scores : "[model " + config.model())
        + ", out " + out + ", config " + config.asMap() + "]";
  }

  /** Builds a {@link PruneRequest}: {@code set} methods for the input, {@code opt} for the rest. */
  public static final class Builder {
    private PruneConfig config = PruneConfig.defaults();
    private Path scores;
    private Path cost;
    private Path data;
    private Path out;
    private boolean resume;
    private boolean modelSet;
    private PruneRun.Progress progress = PruneRun.Progress.none();

    private Builder() {}

    /** Prunes a network from scores computed elsewhere: .npz, .json or a folder of .npy files. */
    public Builder setScores(Path file) {
      this.scores = Objects.requireNonNull(file, "file");
      return this;
    }

    /** Prunes a model: {@code default} (the shipped Half-UNet), {@code resnet20} or a model file. */
    public Builder setModel(String model) {
      this.config = config.with("model", Objects.requireNonNull(model, "model"));
      this.modelSet = true;
      return this;
    }

    /** The whole pruning config (replaces what the builder held; later {@code opt} calls apply over it). */
    public Builder optConfig(PruneConfig config) {
      this.config = Objects.requireNonNull(config, "config");
      return this;
    }

    /** Any pruning-config key, as {@link PruneConfig#with} sets it (e.g. {@code "exact_k", "native"}). */
    public Builder opt(String key, Object value) {
      this.config = config.with(key, value);
      return this;
    }

    /** The solver by name (see {@code qprune solvers}) with its default parameters. */
    public Builder optSolver(String name) {
      return optSolver(name, Map.of());
    }

    /** The solver by name with these parameters (validated when the run creates it). */
    public Builder optSolver(String name, Map<String, ?> parameters) {
      this.config = config.with("solver", name).with("solver_parameters", new LinkedHashMap<>(parameters));
      return this;
    }

    /** Prune this fraction of the units (exactly k = round((1 - sparsity) n) kept). */
    public Builder optSparsity(double sparsity) {
      return opt("sparsity", sparsity);
    }

    /** Keep at most this fraction of the unpruned network's FLOPs (instead of a unit count). */
    public Builder optFlops(double fraction) {
      return opt("flops", fraction);
    }

    /** Keep at most this fraction of the unpruned network's parameters (instead of a unit count). */
    public Builder optParams(double fraction) {
      return opt("params", fraction);
    }

    /** The seed of the calibration crops and the solver. */
    public Builder optSeed(long seed) {
      return opt("seed", seed);
    }

    /** PyTorch intra-op threads. */
    public Builder optThreads(int threads) {
      return opt("threads", threads);
    }

    /** With scores and a FLOPs/parameter budget: the network's cost model (JSON). */
    public Builder optCost(Path file) {
      this.cost = file;
      return this;
    }

    /** Classifiers: the Fashion-MNIST folder. */
    public Builder optData(Path dir) {
      this.data = dir;
      return this;
    }

    /** Writes the result's files into {@code dir} (mask.json, qubo.json, scores.json, report.json). */
    public Builder optOutput(Path dir) {
      this.out = dir;
      return this;
    }

    /** Continues a refinement checkpointed in the output folder. */
    public Builder optResume(boolean resume) {
      this.resume = resume;
      return this;
    }

    /** Receives the stages' progress (none by default). */
    public Builder optProgress(PruneRun.Progress progress) {
      this.progress = Objects.requireNonNull(progress, "progress");
      return this;
    }

    /** The request; inconsistent inputs (scores and a model, a cost file without scores) are errors. */
    public PruneRequest build() {
      boolean explicitModel = modelSet && !"default".equals(config.model());
      if (scores != null && explicitModel) {
        throw new InvalidInputException("Give either scores or a model: with scores the network"
            + " is yours and only the mask is computed");
      }
      if (scores == null && cost != null) {
        throw new InvalidInputException("A cost file goes with scores: the shipped models' costs are"
            + " computed from their structure");
      }
      if (resume && out == null) {
        throw new InvalidInputException("Resuming needs the output folder the refinement checkpointed in");
      }
      config.cluster();
      return new PruneRequest(this);
    }
  }
}
