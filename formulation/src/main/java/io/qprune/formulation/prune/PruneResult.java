package io.qprune.formulation.prune;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.qprune.api.InvalidInputException;
import io.qprune.api.Qubo;
import io.qprune.api.io.AtomicFiles;
import io.qprune.api.io.BqmJson;
import io.qprune.formulation.importance.ScoreSet;
import io.qprune.formulation.importance.io.ScoreFiles;
import io.qprune.formulation.importance.io.ScoresJson;
import io.qprune.formulation.model.Mask;
import io.qprune.formulation.prune.io.MaskFile;
import io.qprune.formulation.prune.io.PruneFiles;
import io.qprune.formulation.qubo.ExactKPenalty;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPOutputStream;

/**
 * What one pruning run produced, as the files {@code qprune prune} writes and {@link #read} reads
 * back: the mask ({@code mask.json}), the QUBO that was solved ({@code qubo.json}, and
 * {@code qubo-exact-k.json.gz} with the unit count as a penalty; none for greedy methods), the scores
 * ({@code scores.json}) and the report data ({@code report.json}: config, selection, cost, scores).
 */
public final class PruneResult {
  private final MaskFile mask;
  private final ScoreSet scores;
  private final Qubo qubo;
  private final ObjectNode report;

  PruneResult(MaskFile mask, ScoreSet scores, Qubo qubo, ObjectNode report) {
    this.mask = mask;
    this.scores = scores;
    this.qubo = qubo;
    this.report = report.deepCopy();
  }

  /** The selected mask (1 keeps a unit), in the scores' unit order. */
  public Mask mask() {
    return mask.mask();
  }

  /** The unit ids, in mask order. */
  public List<String> unitIds() {
    return mask.unitIds();
  }

  /** The method that produced the mask, e.g. {@code hybrid} ({@code hybrid+tt} once refined). */
  public String method() {
    return mask.method();
  }

  /** The mask file's contents. */
  public MaskFile maskFile() {
    return mask;
  }

  /** The scores the mask was selected on. */
  public ScoreSet scores() {
    return scores;
  }

  /** The QUBO that was solved, or null for a greedy or knapsack method. */
  public Qubo qubo() {
    return qubo;
  }

  /** The report data ({@code report.json}), a copy. */
  public ObjectNode report() {
    return report.deepCopy();
  }

  /**
   * A number of the report at a JSON pointer, e.g. {@code "/test/psnr"} or
   * {@code "/cost/params_fraction"}; NaN where the report has none.
   */
  public double figure(String pointer) {
    JsonNode n = report.at(pointer);
    return n.isNumber() ? n.asDouble() : Double.NaN;
  }

  /** Writes every file into {@code dir} (created if missing), each atomically. */
  public PruneResult write(Path dir) {
    mask.write(dir.resolve(PruneFiles.MASK));
    if (qubo != null) {
      AtomicFiles.writeString(dir.resolve(PruneFiles.QUBO), BqmJson.write(qubo) + "\n");
      Qubo exact = ExactKPenalty.of(qubo, mask.mask().kept());
      AtomicFiles.write(dir.resolve(PruneFiles.QUBO_EXACT_K), stream -> {
        GZIPOutputStream gz = new GZIPOutputStream(stream);
        OutputStreamWriter w = new OutputStreamWriter(gz, StandardCharsets.UTF_8);
        BqmJson.write(exact, w);
        w.flush();
        gz.finish();
      });
    }
    AtomicFiles.writeString(dir.resolve(PruneFiles.SCORES), ScoresJson.write(scores) + "\n");
    PruneFiles.write(dir.resolve(PruneFiles.REPORT), report);
    return this;
  }

  /** Reads the files {@link #write} (or {@code qprune prune}) wrote into {@code dir}. */
  public static PruneResult read(Path dir) {
    MaskFile mask = MaskFile.read(dir.resolve(PruneFiles.MASK));
    ScoreSet scores = ScoreFiles.read(dir.resolve(PruneFiles.SCORES));
    Path quboFile = dir.resolve(PruneFiles.QUBO);
    Qubo qubo = Files.exists(quboFile) ? BqmJson.read(quboFile) : null;
    Path reportFile = dir.resolve(PruneFiles.REPORT);
    JsonNode report;
    try {
      report = PruneFiles.mapper().readTree(reportFile.toFile());
    } catch (IOException e) {
      throw new InvalidInputException("Cannot read " + reportFile + ": " + e.getMessage(), e);
    }
    if (!report.isObject()) {
      throw new InvalidInputException(reportFile + " must hold a JSON object");
    }
    if (!mask.unitIds().equals(scores.layout().ids())) {
      throw new InvalidInputException(dir + ": mask.json and scores.json list different units");
    }
    return new PruneResult(mask, scores, qubo, (ObjectNode) report);
  }
}
