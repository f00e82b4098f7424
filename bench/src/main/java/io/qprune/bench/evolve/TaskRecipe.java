package io.qprune.bench.evolve;

import io.qprune.api.InvalidInputException;
import io.qprune.api.cluster.BatchEvaluator;
import io.qprune.api.cluster.EvaluatorRecipe;
import io.qprune.formulation.evolve.WeightMask;
import io.qprune.formulation.evolve.WeightTask;
import io.qprune.formulation.model.Torch;
import io.qprune.formulation.model.WeightLayer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * How a cluster executor rebuilds an evolve run's weight task: the model (file bytes, or the name
 * of a shipped one), the data folder (same path on every machine) and the validation size. A
 * candidate is a weight mask packed 32 bits per int; the evaluator returns {f2} per candidate.
 */
final class TaskRecipe implements EvaluatorRecipe {
  private static final long serialVersionUID = 1L;
  private final String model;
  private final byte[] modelBytes;
  private final String data;
  private final int validation;
  private final int threads;
  private final String id;

  TaskRecipe(String model, Path data, int validation, int threads) {
    boolean shipped = model == null || model.equals("resnet20") || model.equals("halfunet");
    this.model = model == null ? "resnet20" : model;
    try {
      this.modelBytes = shipped ? new byte[0] : Files.readAllBytes(Path.of(model));
    } catch (IOException e) {
      throw new InvalidInputException("Cannot read model " + model + " to send to the cluster: " + e.getMessage(), e);
    }
    this.id = EvaluatorRecipe.digest("evolve", this.model.getBytes(StandardCharsets.UTF_8), modelBytes,
        (data + "|" + validation).getBytes(StandardCharsets.UTF_8));
    this.data = data == null ? null : data.toAbsolutePath().toString();
    this.validation = validation;
    this.threads = threads;
  }

  @Override
  public String id() {
    return id;
  }

  @Override
  public BatchEvaluator build() {
    Torch.configure(threads);
    String m = model;
    if (modelBytes.length > 0) {
      try {
        Path tmp = Files.createTempFile("qprune-evolve-model", ".qpm");
        tmp.toFile().deleteOnExit();
        Files.write(tmp, modelBytes);
        m = tmp.toString();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    // executors only score masks: importance (and its Fisher pass) stays with the driver
    WeightTask task = Tasks.open(m, data == null ? null : Path.of(data), validation, "magnitude", note -> { });
    List<WeightLayer> layers = task.layers();
    return new BatchEvaluator() {
      @Override
      public double[][] evaluate(List<int[]> candidates) {
        List<WeightMask> masks = new ArrayList<>();
        candidates.forEach(c -> masks.add(unpack(c, layers)));
        double[] e = task.errors(masks);
        double[][] out = new double[e.length][];
        for (int i = 0; i < e.length; i++) {
          out[i] = new double[] {e[i]};
        }
        return out;
      }

      @Override
      public void close() {
        task.close();
      }
    };
  }

  static int[] pack(WeightMask m) {
    long[] words = m.bits().toLongArray();
    int[] out = new int[(m.size() + 31) / 32];
    for (int i = 0; i < words.length; i++) {
      out[2 * i] = (int) words[i];
      if (2 * i + 1 < out.length) {
        out[2 * i + 1] = (int) (words[i] >>> 32);
      }
    }
    return out;
  }

  static WeightMask unpack(int[] packed, List<WeightLayer> layers) {
    long[] words = new long[(packed.length + 1) / 2];
    for (int i = 0; i < packed.length; i++) {
      words[i / 2] |= (packed[i] & 0xFFFFFFFFL) << (32 * (i % 2));
    }
    return new WeightMask(layers, BitSet.valueOf(words));
  }
}
