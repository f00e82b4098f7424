package io.qprune.formulation.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import io.qprune.formulation.data.ColorMode;
import io.qprune.formulation.data.FixedCrops;
import io.qprune.formulation.data.Image;
import io.qprune.formulation.data.Noise;
import io.qprune.formulation.data.PatchBatch;
import io.qprune.formulation.data.PatchSampler;
import io.qprune.formulation.data.Photo;
import io.qprune.formulation.data.PhotoFolder;
import io.qprune.formulation.data.ShippedPhotos;
import io.qprune.formulation.data.Split;
import io.qprune.formulation.eval.MaskEvaluator;
import io.qprune.formulation.model.Denoiser;
import io.qprune.formulation.model.ModelFile;
import io.qprune.formulation.model.Torch;
import com.fasterxml.jackson.core.type.TypeReference;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Trains a denoiser from a {@link TrainConfig} into an output folder: Adam with a cosine or step
 * schedule, batches that depend only on (seed, step) so a resumed run sees the same data, a
 * checkpoint every few steps, and finally {@code model.qpm} plus {@code train-log.json}.
 */
public final class Training {
  public static final String MODEL = "model.qpm";
  public static final String LOG = "train-log.json";
  public static final String CHECKPOINT = "checkpoint.bin";

  private Training() {}

  /** Runs (or resumes) training; returns the path of the trained weights. */
  public static Path run(TrainConfig cfg, Path out, TrainListener listener) {
    Torch.configure(cfg.threads());
    String cfgJson = cfg.withThreads(0).checkpointJson(); // the thread count may change on resume
    ColorMode color = cfg.spec().color();
    Noise noise = cfg.noiseModel();
    List<Image> train = new ArrayList<>();
    List<Photo> photos = "shipped".equals(cfg.images())
        ? ShippedPhotos.load(Split.TRAIN, color)
        : PhotoFolder.load(Path.of(cfg.images()), color);
    photos.forEach(p -> train.add(p.image()));
    PatchSampler sampler = PatchSampler.synthetic(train, noise, cfg.patch());
    var valCrops = FixedCrops.of(ShippedPhotos.load(Split.VAL, color), cfg.valCrops(),
        cfg.valCropSize(), noise, cfg.seed());
    Path ckpt = out.resolve(CHECKPOINT);
    Denoiser model;
    AdamState adam;
    int start;
    double seconds;
    List<LogEntry> log;
    if (Files.exists(ckpt)) {
      Checkpoint.Content s = Checkpoint.load(ckpt, cfgJson);
      try {
        model = s.model(ModelFile::read, ckpt.toString());
        adam = new AdamState(model.network(), model.manager());
        s.restore(adam, model.manager());
        log = new ArrayList<>(s.log(new TypeReference<List<LogEntry>>() {}));
      } catch (IOException e) {
        throw Checkpoint.unreadable(ckpt, e);
      }
      start = s.step();
      seconds = s.seconds();
    } else {
      model = Denoiser.create(cfg.spec(), cfg.seed());
      adam = new AdamState(model.network(), model.manager());
      start = 0;
      seconds = 0;
      log = new ArrayList<>();
    }
    try (model; MaskEvaluator val = new MaskEvaluator(model, valCrops)) {
      LrSchedule schedule = LrSchedule.of(cfg);
      listener.started(start, cfg.steps());
      double lossSum = 0;
      int lossCount = 0;
      long t0 = System.nanoTime();
      for (int step = start; step < cfg.steps(); step++) {
        double lr = schedule.at(step);
        double loss = trainStep(model, adam, sampler.sample(cfg.batch(), rngFor(cfg, step)), lr);
        lossSum += loss;
        lossCount++;
        listener.stepped(step, loss, lr);
        int done = step + 1;
        boolean last = done == cfg.steps();
        boolean validate = done % cfg.validateEvery() == 0 || last;
        if (validate || done % cfg.checkpointEvery() == 0) {
          double now = seconds + (System.nanoTime() - t0) / 1e9;
          double psnr = Double.NaN;
          if (validate) {
            psnr = val.psnr(model.mask());
            listener.validated(done, psnr, val.noisyPsnr());
          }
          log.add(new LogEntry(done, lossSum / lossCount, lr, psnr, now));
          lossSum = 0;
          lossCount = 0;
          Checkpoint.save(ckpt, cfgJson, done, now, log, o -> ModelFile.write(model, o), adam);
          TrainLog.write(out.resolve(LOG), cfg, log, val.noisyPsnr(), noise.describe());
          listener.checkpointed(done);
        }
      }
      model.putInfo("noise", noise.describe());
      model.putInfo("steps", Integer.toString(cfg.steps()));
      model.putInfo("seed", Long.toString(cfg.seed()));
      if (!log.isEmpty()) {
        LogEntry lastEntry = log.get(log.size() - 1);
        model.putInfo("valPsnr", String.format("%.4f", lastEntry.valPsnr()));
        model.putInfo("valNoisyPsnr", String.format("%.4f", val.noisyPsnr()));
        model.putInfo("trainSeconds", String.format("%.1f", lastEntry.seconds()));
      }
      Path weights = out.resolve(MODEL);
      ModelFile.save(model, weights);
      return weights;
    }
  }

  static SplittableRandom rngFor(TrainConfig cfg, int step) {
    return new SplittableRandom(cfg.seed() * 0x9E3779B97F4A7C15L + step * 0xBF58476D1CE4E5B9L);
  }

  /** One optimisation step on a batch; returns its loss (MSE on the 0–1 scale). */
  static double trainStep(Denoiser model, AdamState adam, PatchBatch b, double lr) {
    try (NDManager sub = model.manager().newSubManager()) {
      Shape shape = new Shape(b.count(), b.channels(), b.size(), b.size());
      NDArray x = sub.create(b.noisy(), shape).div(255f);
      NDArray y = sub.create(b.clean(), shape).div(255f);
      double loss;
      try (GradientCollector gc = Torch.engine().newGradientCollector()) {
        NDArray l = model.denoise(x, true).sub(y).square().mean();
        gc.backward(l);
        loss = l.getFloat();
      }
      adam.step(model.network(), lr);
      return loss;
    }
  }
}
