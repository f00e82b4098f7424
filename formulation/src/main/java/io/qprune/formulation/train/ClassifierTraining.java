package io.qprune.formulation.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.qprune.api.InvalidInputException;
import io.qprune.api.io.AtomicFiles;
import io.qprune.formulation.classify.Cifar10Files;
import io.qprune.formulation.classify.FashionMnist;
import io.qprune.formulation.classify.LabelledImages;
import io.qprune.formulation.model.Classifier;
import io.qprune.formulation.model.ClassifierFile;
import io.qprune.formulation.model.Torch;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Trains a ResNet classifier from a {@link ClassifierTrainConfig}: AdamW with cosine decay, an
 * epoch order and augmentation that depend only on (seed, epoch/step) so a resumed run sees the
 * same batches, a checkpoint every few steps, then {@code model.qpm} and {@code train-log.json}
 * (validation accuracy during training, validation and test accuracy at the end).
 */
public final class ClassifierTraining {
  private static final ObjectMapper JSON = new ObjectMapper();

  private ClassifierTraining() {}

  /** The data a config names: train / validation / test and a note on how they were split. */
  public static FashionMnist.Splits data(ClassifierTrainConfig cfg) {
    if (cfg.dataset().equalsIgnoreCase("cifar10")) {
      Path dir = Path.of(cfg.data());
      LabelledImages all = Cifar10Files.train(dir);
      int cut = all.count() - FashionMnist.VALIDATION;
      return new FashionMnist.Splits(all.slice(0, cut, "cifar10 train"), all.slice(cut, all.count(),
          "cifar10 validation"), Cifar10Files.test(dir), "");
    }
    return FashionMnist.load(cfg.data() == null ? null : Path.of(cfg.data()));
  }

  /** Runs (or resumes) training into {@code out}; returns the path of the trained weights. */
  public static Path run(ClassifierTrainConfig cfg, Path out, TrainListener listener) {
    Torch.configure(cfg.threads());
    String cfgJson = cfg.withThreads(0).checkpointJson();
    FashionMnist.Splits data = data(cfg);
    LabelledImages train = data.train();
    int perEpoch = (train.count() + cfg.batch() - 1) / cfg.batch();
    int steps = perEpoch * cfg.epochs();
    Path ckpt = out.resolve(Training.CHECKPOINT);
    Classifier model;
    AdamState adam;
    int start = 0;
    double seconds = 0;
    List<Map<String, Object>> log = new ArrayList<>();
    if (Files.exists(ckpt)) {
      Checkpoint.Content s = Checkpoint.load(ckpt, cfgJson);
      try {
        model = s.model(ClassifierFile::read, ckpt.toString());
        adam = new AdamState(model.network(), model.manager());
        s.restore(adam, model.manager());
        log.addAll(s.log(new TypeReference<List<Map<String, Object>>>() {}));
      } catch (IOException e) {
        throw Checkpoint.unreadable(ckpt, e);
      }
      start = s.step();
      seconds = s.seconds();
    } else {
      float[][] stats = train.channelStats();
      model = Classifier.create(cfg.spec(train.channels(), train.height()), cfg.seed(), stats[0], stats[1]);
      adam = new AdamState(model.network(), model.manager());
    }
    try (model) {
      listener.started(start, steps);
      long t0 = System.nanoTime();
      double lossSum = 0;
      int lossCount = 0;
      int[] order = null;
      int orderEpoch = -1;
      for (int step = start; step < steps; step++) {
        int epoch = step / perEpoch;
        if (epoch != orderEpoch) {
          order = permutation(train.count(), new SplittableRandom(cfg.seed() * 31 + epoch));
          orderEpoch = epoch;
        }
        int from = (step % perEpoch) * cfg.batch();
        int to = Math.min(train.count(), from + cfg.batch());
        int[] idx = java.util.Arrays.copyOfRange(order, from, to);
        double lr = cfg.lrMin() + 0.5 * (cfg.lr() - cfg.lrMin()) * (1 + Math.cos(Math.PI * step / steps));
        double loss = trainStep(model, adam, augment(train.select(idx, "batch"), cfg, step), lr,
            cfg.weightDecay());
        lossSum += loss;
        lossCount++;
        listener.stepped(step, loss, lr);
        int done = step + 1;
        boolean last = done == steps;
        boolean validate = done % cfg.validateEvery() == 0 || last;
        if (validate || done % cfg.checkpointEvery() == 0) {
          double now = seconds + (System.nanoTime() - t0) / 1e9;
          Map<String, Object> e = new LinkedHashMap<>();
          e.put("step", done);
          e.put("epoch", done / (double) perEpoch);
          e.put("loss", lossSum / lossCount);
          e.put("lr", lr);
          if (validate) {
            double acc = model.accuracy(data.validation(), null, 500);
            e.put("valAccuracy", acc);
            listener.validated(done, 100 * acc, Double.NaN);
          }
          e.put("seconds", now);
          log.add(e);
          lossSum = 0;
          lossCount = 0;
          Checkpoint.save(ckpt, cfgJson, done, now, log, o -> ClassifierFile.write(model, o), adam);
          listener.checkpointed(done);
        }
      }
      double val = model.accuracy(data.validation(), null, 500);
      double test = model.accuracy(data.test(), null, 500);
      double secs = log.isEmpty() ? 0 : ((Number) log.get(log.size() - 1).get("seconds")).doubleValue();
      model.putInfo("dataset", cfg.dataset());
      model.putInfo("epochs", Integer.toString(cfg.epochs()));
      model.putInfo("steps", Integer.toString(steps));
      model.putInfo("seed", Long.toString(cfg.seed()));
      model.putInfo("valAccuracy", String.format(Locale.ROOT, "%.4f", val));
      model.putInfo("testAccuracy", String.format(Locale.ROOT, "%.4f", test));
      model.putInfo("trainSeconds", String.format(Locale.ROOT, "%.1f", secs));
      if (!data.note().isEmpty()) {
        model.putInfo("dataNote", data.note());
      }
      Map<String, Object> summary = new LinkedHashMap<>();
      summary.put("config", JSON.readTree(cfg.toJson()));
      summary.put("data", Map.of("train", data.train().count(), "validation", data.validation().count(),
          "test", data.test().count(), "note", data.note()));
      summary.put("valAccuracy", val);
      summary.put("testAccuracy", test);
      summary.put("trainSeconds", secs);
      summary.put("log", log);
      AtomicFiles.writeString(out.resolve(Training.LOG),
          JSON.writerWithDefaultPrettyPrinter().writeValueAsString(summary));
      Path weights = out.resolve(Training.MODEL);
      ClassifierFile.save(model, weights);
      return weights;
    } catch (IOException e) {
      throw new InvalidInputException("Cannot write the training log: " + e.getMessage(), e);
    }
  }

  static int[] permutation(int n, SplittableRandom rng) {
    int[] p = new int[n];
    for (int i = 0; i < n; i++) {
      p[i] = i;
    }
    for (int i = n - 1; i > 0; i--) {
      int j = rng.nextInt(i + 1);
      int t = p[i];
      p[i] = p[j];
      p[j] = t;
    }
    return p;
  }

  /** Random translation by up to {@code shift} pixels (zero fill) and horizontal flips, seeded by step. */
  static LabelledImages augment(LabelledImages b, ClassifierTrainConfig cfg, int step) {
    SplittableRandom rng = new SplittableRandom(cfg.seed() * 0x9E3779B97F4A7C15L + step);
    int h = b.height();
    int w = b.width();
    int s = cfg.shift();
    byte[] src = b.pixels();
    byte[] dst = new byte[src.length];
    for (int i = 0; i < b.count(); i++) {
      int dy = s == 0 ? 0 : rng.nextInt(2 * s + 1) - s;
      int dx = s == 0 ? 0 : rng.nextInt(2 * s + 1) - s;
      boolean flip = cfg.flip() && rng.nextBoolean();
      for (int c = 0; c < b.channels(); c++) {
        int base = (i * b.channels() + c) * h * w;
        for (int y = 0; y < h; y++) {
          int sy = y + dy;
          if (sy < 0 || sy >= h) {
            continue;
          }
          for (int x = 0; x < w; x++) {
            int sx = (flip ? w - 1 - x : x) + dx;
            if (sx >= 0 && sx < w) {
              dst[base + y * w + x] = src[base + sy * w + sx];
            }
          }
        }
      }
    }
    return new LabelledImages(b.count(), b.channels(), h, w, dst, b.labels(), b.classes(), b.source());
  }

  /** One AdamW step on a batch; returns its mean cross-entropy. */
  static double trainStep(Classifier model, AdamState adam, LabelledImages b, double lr, double wd) {
    try (NDManager sub = model.manager().newSubManager()) {
      NDArray x = model.inputs(b, 0, b.count(), sub);
      float[] onehot = new float[b.count() * b.classes()];
      for (int i = 0; i < b.count(); i++) {
        onehot[i * b.classes() + b.label(i)] = 1f;
      }
      NDArray y = sub.create(onehot, new Shape(b.count(), b.classes()));
      double loss;
      try (GradientCollector gc = Torch.engine().newGradientCollector()) {
        NDArray l = model.logits(x, true).logSoftmax(1).mul(y).sum(new int[] {1}).mean().neg();
        gc.backward(l);
        loss = l.getFloat();
      }
      adam.step(model.network(), lr, wd);
      return loss;
    }
  }
}
