package io.qprune.formulation.evolve;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.qprune.api.io.AtomicFiles;
import io.qprune.formulation.model.WeightLayer;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Writes an evolve run's results: {@code front.csv} and {@code front.json} (kept fraction, errors,
 * metric, per-layer kept counts, hypervolumes, anchors) and one mask file per final member under
 * {@code masks/} ({@code member-NN.wmask.gz}, for {@code qprune eval --mask}).
 */
public final class FrontFiles {
  public static final String CSV = "front.csv";
  public static final String JSON_FILE = "front.json";
  private static final ObjectMapper JSON = new ObjectMapper();

  private FrontFiles() {}

  /** The mask file name of final member {@code i}. */
  public static String maskName(int i) {
    return String.format(Locale.ROOT, "masks/member-%02d.wmask.gz", i);
  }

  public static void write(EvolveResult r, WeightTask task, EvolveSettings settings, Map<String, Object> run,
      Path out) {
    List<WeightLayer> layers = task.layers();
    StringBuilder csv = new StringBuilder("member,phase,kept_fraction,kept_weights,val_error,test_error,"
        + "val_metric,test_metric,mask");
    layers.forEach(l -> csv.append(",kept_").append(l.name()));
    csv.append('\n');
    ObjectNode o = JSON.createObjectNode();
    o.put("task", r.task());
    o.put("objectives", "f1 = fraction of prunable weights kept, f2 = " + task.errorName());
    o.put("metric", task.metricName());
    o.set("run", JSON.valueToTree(run));
    o.set("settings", JSON.valueToTree(settings.toMap()));
    o.putArray("reference").add(r.reference()[0]).add(r.reference()[1]);
    o.put("hypervolume_phase1", r.hypervolumePhase1());
    if (!Double.isNaN(r.hypervolumePhase2())) {
      o.put("hypervolume_phase2", r.hypervolumePhase2());
    }
    o.put("hypervolume_final", r.hypervolumeFinal());
    o.put("evaluations", r.evaluations());
    o.put("seconds", r.seconds());
    o.put("unpruned_val_error", r.unprunedValError());
    o.put("unpruned_test_error", r.unprunedTestError());
    o.put("unpruned_test_metric", task.metric(r.unprunedTestError()));
    o.put("prunable_weights", r.front().get(0).mask().size());
    o.put("corridor_bits", r.corridor());
    o.set("light_anchor", anchor(r.light()));
    o.set("heavy_anchor", anchor(r.heavy()));
    if (!r.note().isEmpty()) {
      o.put("note", r.note());
    }
    ArrayNode p1 = o.putArray("phase1_front");
    r.phase1().forEach(m -> p1.addArray().add(m.keptFraction()).add(m.valError()));
    ArrayNode p2 = o.putArray("phase2_front");
    r.phase2().forEach(m -> p2.addArray().add(m.keptFraction()).add(m.valError()));
    ArrayNode members = o.putArray("front");
    for (int i = 0; i < r.front().size(); i++) {
      FrontMember m = r.front().get(i);
      String mask = maskName(i);
      WeightMaskFile.write(m.mask(), out.resolve(mask));
      int[] kept = m.mask().keptPerLayer();
      ObjectNode j = members.addObject();
      j.put("member", i).put("phase", m.phase()).put("kept_fraction", m.keptFraction())
          .put("kept_weights", m.mask().kept()).put("val_error", m.valError()).put("test_error", m.testError())
          .put("val_metric", task.metric(m.valError())).put("test_metric", task.metric(m.testError()))
          .put("mask", mask);
      ObjectNode perLayer = j.putObject("kept_per_layer");
      for (WeightLayer l : layers) {
        perLayer.put(l.name(), kept[l.index()]);
      }
      csv.append(String.format(Locale.ROOT, "%d,%d,%.6f,%d,%.6f,%.6f,%.4f,%.4f,%s", i, m.phase(),
          m.keptFraction(), m.mask().kept(), m.valError(), m.testError(), task.metric(m.valError()),
          task.metric(m.testError()), mask));
      for (int k : kept) {
        csv.append(',').append(k);
      }
      csv.append('\n');
    }
    AtomicFiles.writeString(out.resolve(CSV), csv.toString());
    AtomicFiles.writeString(out.resolve(JSON_FILE), o.toPrettyString());
  }

  private static ObjectNode anchor(FrontMember m) {
    return JSON.createObjectNode().put("kept_fraction", m.keptFraction()).put("val_error", m.valError());
  }
}
