package io.qprune.formulation.evolve;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.qprune.api.InvalidInputException;
import io.qprune.api.blackbox.BlackBoxRun;
import io.qprune.api.blackbox.MultiObjective;
import io.qprune.api.blackbox.MultiObjectiveOptimizer;
import io.qprune.api.blackbox.MultiObjectiveOptimizers;
import io.qprune.api.blackbox.MultiObjectiveProblem;
import io.qprune.api.blackbox.Pareto2d;
import io.qprune.api.blackbox.ParetoResult;
import io.qprune.api.io.AtomicFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Hierarchical importance-guided multi-objective pruning (objectives: fraction of weights kept,
 * task error). Phase 1: NSGA-II over per-layer thresholds. Anchors from its front: heavy = the
 * lowest validation error, light = the fewest weights within the anchor tolerance of it (or, when
 * no other member is that close, heavy's neighbour on the front with fewer weights). Phase 2:
 * NSGA-II with SparseEA's importance-guided operators (adaptive flip rate) over the corridor bits,
 * from an importance-guided initial population. Result: the non-dominated union of both fronts,
 * each member's test error measured. Every generation is checkpointed in the output folder, and a
 * run resumes from there.
 */
public final class Evolution {
  static final String RUN = "evolve-run.json";
  static final String PHASE1_STATE = "phase1.state";
  static final String PHASE1_FRONT = "phase1-front.json";
  static final String PHASE2_STATE = "phase2.state";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final WeightTask task;
  private final EvolveSettings settings;
  private final Path out;
  private final EvolveListener listener;
  private final MultiObjectiveOptimizers optimizers;
  private long evaluations;

  public Evolution(WeightTask task, EvolveSettings settings, Path out, EvolveListener listener) {
    this(task, settings, out, listener, MultiObjectiveOptimizers.discover());
  }

  Evolution(WeightTask task, EvolveSettings settings, Path out, EvolveListener listener,
      MultiObjectiveOptimizers optimizers) {
    this.task = task;
    this.settings = settings;
    this.out = out;
    this.listener = listener;
    this.optimizers = optimizers;
  }

  /** Runs both phases (resuming from {@code out} when {@code resume}) and returns the fronts. */
  public EvolveResult run(boolean resume) {
    long t0 = System.nanoTime();
    checkIdentity(resume);
    double tolerance = Double.isNaN(settings.anchorTolerance()) ? task.defaultTolerance()
        : settings.anchorTolerance();
    double[] reference = {1.0, task.errorReference()};
    WeightMask all = WeightMask.all(task.layers());
    double unprunedVal = task.errors(List.of(all))[0];
    listener.note(String.format(java.util.Locale.ROOT, "unpruned: %s %.4f on validation", task.metricName(),
        task.metric(unprunedVal)));

    Thresholds thresholds = new Thresholds(task);
    List<FrontMember> phase1 = phase1(thresholds, reference, resume);
    double hv1 = hypervolume(phase1, reference);

    FrontMember heavy = phase1.get(0);
    for (FrontMember m : phase1) {
      if (m.valError() < heavy.valError()
          || m.valError() == heavy.valError() && m.keptFraction() < heavy.keptFraction()) {
        heavy = m;
      }
    }
    FrontMember light = heavy;
    for (FrontMember m : phase1) {
      if (m.valError() <= heavy.valError() + tolerance && m.keptFraction() < light.keptFraction()) {
        light = m;
      }
    }
    if (light == heavy) {
      // nothing within the tolerance: take the heavy anchor's neighbour on the front, so Phase 2
      // still refines the stretch just below it
      for (FrontMember m : phase1) {
        if (m.keptFraction() < heavy.keptFraction()
            && (light == heavy || m.keptFraction() > light.keptFraction())) {
          light = m;
        }
      }
    }
    listener.note(String.format(java.util.Locale.ROOT,
        "anchors: heavy keeps %.1f %% (error %.4f), light keeps %.1f %% (error %.4f, tolerance %.4f)",
        100 * heavy.keptFraction(), heavy.valError(), 100 * light.keptFraction(), light.valError(), tolerance));
    Corridor corridor = new Corridor(light.mask(), heavy.mask(),
        Importance.global(task, !task.comparableAcrossLayers()));
    List<FrontMember> phase2 = List.of();
    String note = "";
    long room = settings.budget() - evaluations;
    if (corridor.length() == 0) {
      note = "Phase 2 skipped: the anchors coincide, so the corridor is empty";
    } else if (room < settings.population()) {
      note = "Phase 2 skipped: " + room + " evaluations left, fewer than one population";
    } else {
      phase2 = phase2(corridor, reference, room, resume);
    }
    if (!note.isEmpty()) {
      listener.note(note);
    }
    List<FrontMember> union = new ArrayList<>(phase1);
    union.addAll(phase2);
    List<double[]> points = new ArrayList<>();
    union.forEach(m -> points.add(m.objectives()));
    List<FrontMember> front = new ArrayList<>();
    int[] nd = Pareto2d.nonDominated(points);
    listener.note("measuring the test error of the " + nd.length + " final networks and the unpruned one");
    for (int i : nd) {
      FrontMember m = union.get(i);
      front.add(m.withTestError(task.testError(m.mask())));
    }
    double unprunedTest = task.testError(all);
    double hv2 = phase2.isEmpty() ? Double.NaN : hypervolume(phase2, reference);
    double hvFinal = hypervolume(front, reference);
    return new EvolveResult(task.describe(), phase1, phase2, front, reference, hv1, hv2, hvFinal, light, heavy,
        corridor.length(), unprunedVal, unprunedTest, evaluations, (System.nanoTime() - t0) / 1e9, note);
  }

  private List<FrontMember> phase1(Thresholds thresholds, double[] reference, boolean resume) {
    Path frontFile = out.resolve(PHASE1_FRONT);
    if (resume && Files.exists(frontFile)) {
      JsonNode saved = readJson(frontFile);
      evaluations = saved.path("evaluations").asLong();
      List<FrontMember> front = new ArrayList<>();
      JsonNode objectives = saved.path("objectives");
      int i = 0;
      for (JsonNode g : saved.path("genomes")) {
        double[] q = new double[g.size()];
        for (int k = 0; k < q.length; k++) {
          q[k] = g.get(k).asDouble();
        }
        JsonNode f = objectives.get(i++);
        front.add(new FrontMember(1, thresholds.decode(q), f.get(0).asDouble(), f.get(1).asDouble(), Double.NaN));
      }
      listener.note("Phase 1 done earlier: " + front.size() + " networks on its front, " + evaluations
          + " evaluations");
      return front;
    }
    int n = thresholds.genes();
    double[] lo = new double[n];
    double[] hi = new double[n];
    Arrays.fill(hi, settings.maxPrune());
    List<double[]> start = new ArrayList<>();
    if (task.comparableAcrossLayers()) {
      start.addAll(thresholds.globalGenomes(Importance.global(task, false), settings.maxPrune()));
    }
    for (int k = 1; k <= 9; k++) {
      double[] g = new double[n];
      Arrays.fill(g, Math.min(settings.maxPrune(), k / 10.0));
      start.add(g);
    }
    MultiObjectiveProblem<double[]> problem = MultiObjectiveProblem.real(lo, hi, 2)
        .withReference(reference[0], reference[1]).withStart(start);
    MultiObjective<double[]> objectives = genomes -> {
      List<WeightMask> masks = new ArrayList<>();
      genomes.forEach(g -> masks.add(thresholds.decode(g)));
      return score(masks);
    };
    MultiObjectiveOptimizer nsga = optimizers.create("nsga2", Map.of("population", settings.population()));
    long budget = settings.phase1Budget();
    ParetoResult<double[]> r = nsga.minimise(problem, objectives,
        run(1, budget, settings.seed(), out.resolve(PHASE1_STATE), resume));
    evaluations = r.evaluations();
    ObjectNode saved = JSON.createObjectNode();
    saved.put("evaluations", r.evaluations());
    ArrayNode genomes = saved.putArray("genomes");
    ArrayNode values = saved.putArray("objectives");
    List<FrontMember> front = new ArrayList<>();
    for (int i = 0; i < r.size(); i++) {
      ArrayNode g = genomes.addArray();
      Arrays.stream(r.genome(i)).forEach(g::add);
      Arrays.stream(r.objectives(i)).forEach(values.addArray()::add);
      WeightMask m = thresholds.decode(r.genome(i));
      front.add(new FrontMember(1, m, r.objectives(i)[0], r.objectives(i)[1], Double.NaN));
    }
    AtomicFiles.writeString(frontFile, saved.toPrettyString());
    return front;
  }

  private List<FrontMember> phase2(Corridor corridor, double[] reference, long budget, boolean resume) {
    List<int[]> start = corridor.initial(settings.population(), new SplittableRandom(settings.seed() * 31 + 7));
    MultiObjectiveProblem<int[]> problem = MultiObjectiveProblem.binary(corridor.length(), 2)
        .withScores(corridor.scores()).withReference(reference[0], reference[1]).withStart(start);
    MultiObjective<int[]> objectives = genomes -> {
      List<WeightMask> masks = new ArrayList<>();
      genomes.forEach(g -> masks.add(corridor.decode(g)));
      return score(masks);
    };
    Map<String, Object> params = new LinkedHashMap<>();
    params.put("population", settings.population());
    params.put("binary_variation", "sparse");
    params.put("sparse_flips", "adaptive");
    params.put("flip_rate", settings.flipRate());
    MultiObjectiveOptimizer nsga = optimizers.create("nsga2", params);
    ParetoResult<int[]> r = nsga.minimise(problem, objectives,
        run(2, budget, settings.seed() + 1, out.resolve(PHASE2_STATE), resume));
    evaluations += r.evaluations();
    List<FrontMember> front = new ArrayList<>();
    for (int i = 0; i < r.size(); i++) {
      WeightMask m = corridor.decode(r.genome(i));
      front.add(new FrontMember(2, m, r.objectives(i)[0], r.objectives(i)[1], Double.NaN));
    }
    return front;
  }

  private double[][] score(List<WeightMask> masks) {
    double[] e = task.errors(masks);
    double[][] f = new double[masks.size()][];
    for (int i = 0; i < f.length; i++) {
      f[i] = new double[] {masks.get(i).keptFraction(), e[i]};
    }
    return f;
  }

  private BlackBoxRun run(int phase, long budget, long seed, Path state, boolean resume) {
    BlackBoxRun r = BlackBoxRun.of(budget, seed)
        .withListener((gen, evals, hv) -> listener.generation(phase, gen, evals, hv))
        .withCheckpoints(settings.checkpointEvery(), bytes -> AtomicFiles.write(state, o -> o.write(bytes)));
    long done = 0;
    if (resume && Files.exists(state)) {
      try {
        byte[] b = Files.readAllBytes(state);
        r = r.resumingFrom(b);
        done = JSON.readTree(b).path("evaluated").size();
      } catch (IOException e) {
        throw new InvalidInputException("Cannot read " + state + ": " + e.getMessage(), e);
      }
    }
    listener.phaseStarted(phase, budget, done);
    return r;
  }

  private static double hypervolume(List<FrontMember> members, double[] reference) {
    List<double[]> p = new ArrayList<>();
    members.forEach(m -> p.add(m.objectives()));
    return Pareto2d.hypervolume(p, reference);
  }

  private void checkIdentity(boolean resume) {
    ObjectNode id = JSON.createObjectNode();
    id.put("version", 1);
    id.put("task", task.describe());
    id.set("settings", JSON.valueToTree(settings.toMap()));
    Path file = out.resolve(RUN);
    if (Files.exists(file)) {
      if (!resume) {
        throw new InvalidInputException(out + " already holds an evolve run (" + RUN + "). Maybe add --resume to"
            + " continue it, or choose another --out");
      }
      JsonNode old = readJson(file);
      if (!old.toString().equals(id.toString())) {
        throw new InvalidInputException(file + " describes another run (" + old + "); this one is " + id
            + ". Resume with the same model and settings, or choose another --out");
      }
      return;
    }
    try {
      Files.createDirectories(out);
    } catch (IOException e) {
      throw new InvalidInputException("Cannot create " + out + ": " + e.getMessage(), e);
    }
    AtomicFiles.writeString(file, id.toPrettyString());
  }

  private static JsonNode readJson(Path file) {
    try {
      return JSON.readTree(file.toFile());
    } catch (IOException e) {
      throw new InvalidInputException("Cannot read " + file + ": " + e.getMessage(), e);
    }
  }
}
