package io.qprune.formulation.prune.io;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.qprune.api.io.AtomicFiles;
import io.qprune.formulation.capacity.SearchStep;
import io.qprune.formulation.capacity.Selection;
import io.qprune.formulation.eval.EvalReport;
import io.qprune.formulation.importance.UnitLayout;
import io.qprune.formulation.model.Cost;
import io.qprune.formulation.model.Mask;
import io.qprune.formulation.prune.PruneSettings;
import io.qprune.formulation.prune.Pruned;
import java.nio.file.Path;
import java.util.Map;

/** The files {@code qprune prune} writes (mask.json, qubo.json, scores.json, report.json) and the parts of its report. */
public final class PruneFiles {
  public static final String MASK = "mask.json";
  public static final String QUBO = "qubo.json";
  public static final String SCORES = "scores.json";
  public static final String REPORT = "report.json";
  public static final String QUBO_EXACT_K = "qubo-exact-k.json.gz";
  static final ObjectMapper JSON = new ObjectMapper();

  /** The mapper the outputs are written with. */
  public static ObjectMapper mapper() {
    return JSON;
  }

  private PruneFiles() {}

  /** The mask file: unit ids, keep flags (1 keeps), counts and the sparsity reached. */
  public static ObjectNode mask(UnitLayout layout, Mask mask, PruneSettings s) {
    return mask(layout, mask, s.method().toString(), s.sparsity());
  }

  /** The mask file of a mask produced by {@code method} for {@code targetSparsity}. */
  public static ObjectNode mask(UnitLayout layout, Mask mask, String method, double targetSparsity) {
    return new MaskFile(method, targetSparsity, layout.ids(), mask).toJson();
  }

  /** The selection part of a report. */
  public static ObjectNode selection(Pruned p) {
    Selection sel = p.selection();
    ObjectNode n = JSON.createObjectNode();
    n.put("method", p.method().toString());
    n.put("exact_k", sel.mode() == null ? "greedy" : sel.mode().toString());
    n.put("kept_units", sel.mask().kept());
    n.put("units", sel.mask().size());
    n.put("sparsity", sel.mask().sparsity());
    if (!Double.isNaN(sel.energy())) {
      n.put("energy", sel.energy());
    }
    n.put("solver_returned_k", sel.solverHitK());
    n.put("repair_flips", sel.repairFlips());
    n.put("polish_swaps", sel.polishSwaps());
    ArrayNode steps = n.putArray("steps");
    for (SearchStep st : sel.steps()) {
      ObjectNode o = steps.addObject().put("mu", st.mu()).put("kept", st.kept());
      for (String key : new String[] {"chain_break_fraction_mean", "embedding_seconds"}) {
        if (st.solverInfo().get(key) instanceof Number x) {
          o.put(key.replace("_mean", ""), x.doubleValue());
        }
      }
    }
    ObjectNode embedding = EmbeddingSummary.of(sel.steps());
    if (embedding != null) {
      n.set("embedding", embedding);
    }
    if (p.qubo() != null) {
      n.put("qubo_variables", p.qubo().numVariables());
      n.put("qubo_interactions", p.qubo().numInteractions());
    }
    return n;
  }

  /** The cost part of a report: parameters and FLOPs per pixel, full and kept. */
  public static ObjectNode cost(Cost full, Cost kept) {
    ObjectNode n = JSON.createObjectNode();
    n.put("params_full", full.params());
    n.put("params_kept", kept.params());
    n.put("params_fraction", kept.paramsFraction(full));
    n.put("flops_per_pixel_full", full.flopsPerPixel());
    n.put("flops_per_pixel_kept", kept.flopsPerPixel());
    n.put("flops_fraction", kept.flopsFraction(full));
    return n;
  }

  /** Mean PSNR/SSIM of an evaluation. */
  public static ObjectNode eval(EvalReport r) {
    return JSON.createObjectNode().put("psnr", r.psnr()).put("ssim", r.ssim())
        .put("noisy_psnr", r.noisyPsnr()).put("images", r.perImage().size());
  }

  /** The refinement part of a report: sub-problem, budget, validation-crop PSNR before/after, trace. */
  public static ObjectNode refined(io.qprune.formulation.refine.Refined r) {
    ObjectNode n = JSON.createObjectNode();
    n.putPOJO("layers", r.layers());
    n.put("units", r.units());
    n.put("kept_in_subproblem", r.kept());
    n.put("val_crops_psnr_before", r.valBefore());
    n.put("val_crops_psnr_after", r.valAfter());
    n.put("evaluations", r.result().evaluations());
    n.put("iterations", r.result().iterations());
    n.put("stop", r.result().stopReason());
    n.put("seconds", r.seconds());
    n.put("evaluations_per_second", r.evaluationsPerSecond());
    n.put("units_changed", changed(r.start(), r.mask()));
    ArrayNode trace = n.putArray("trace");
    r.result().trace().forEach(i -> trace.addObject().put("evaluations", i.evaluations())
        .put("val_crops_psnr", -i.value()));
    return n;
  }

  /** How many units two masks disagree on. */
  public static int changed(Mask a, Mask b) {
    int c = 0;
    for (int i = 0; i < a.size(); i++) {
      c += a.keeps(i) != b.keeps(i) ? 1 : 0;
    }
    return c;
  }

  /** Seconds per stage. */
  public static ObjectNode seconds(Map<String, Double> secs) {
    ObjectNode n = JSON.createObjectNode();
    secs.forEach(n::put);
    return n;
  }

  /** A budget's kind, its target fraction of the unpruned cost and the fraction a mask kept. */
  public static ObjectNode budget(io.qprune.formulation.cost.Budget b, double keptFraction) {
    ObjectNode c = JSON.createObjectNode();
    c.put("kind", b.kind().toString());
    c.put("target_fraction", b.fraction());
    c.put("kept_fraction", keptFraction);
    return c;
  }

  /** Writes one JSON object, pretty-printed. */
  public static void write(Path file, ObjectNode node) {
    try {
      AtomicFiles.writeString(file, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(node) + "\n");
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
