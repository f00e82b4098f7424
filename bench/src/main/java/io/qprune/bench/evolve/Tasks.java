package io.qprune.bench.evolve;

import io.qprune.formulation.classify.FashionMnist;
import io.qprune.formulation.classify.LabelledImages;
import io.qprune.formulation.evolve.ClassifierTask;
import io.qprune.formulation.evolve.DenoiserTask;
import io.qprune.formulation.model.Denoiser;
import io.qprune.formulation.model.ModelFile;
import io.qprune.formulation.prune.PruneConfig;
import io.qprune.formulation.prune.PruneRun;
import io.qprune.formulation.evolve.WeightTask;
import io.qprune.formulation.model.Classifier;
import io.qprune.formulation.model.ClassifierFile;
import java.nio.file.Path;
import java.util.function.Consumer;

/** Builds the weight-pruning task a model names: the shipped ResNet-20 by default, or a model file. */
public final class Tasks {
  private Tasks() {}

  /**
   * {@code model}: null or "resnet20" (the shipped Fashion-MNIST classifier), "halfunet" (the shipped
   * denoiser), or a classifier or denoiser file.
   * {@code validation}: validation images per evaluation (0: all).
   */
  public static WeightTask open(String model, Path data, int validation, Consumer<String> notes) {
    return open(model, data, validation, "magnitude", notes);
  }

  /**
   * As {@link #open(String, Path, int, Consumer)} with weight importance {@code magnitude},
   * {@code fisher} or {@code auto} (fisher for classifiers, magnitude for denoisers).
   */
  public static WeightTask open(String model, Path data, int validation, String importance,
      Consumer<String> notes) {
    boolean classifier = model == null || model.equals("resnet20") || ClassifierFile.isClassifier(Path.of(model));
    boolean fisher = importance.equals("fisher") || importance.equals("auto") && classifier;
    if (model == null || model.equals("resnet20")) {
      return classifier(ClassifierFile.loadDefault(), "ResNet-20 on Fashion-MNIST", data, validation, fisher,
          notes);
    }
    if (fisher && !classifier) {
      throw new io.qprune.api.InvalidInputException("importance: fisher is implemented for classifiers only;"
          + " use magnitude for a denoiser");
    }
    if (model.equals("halfunet")) {
      return denoiser(ModelFile.loadDefault(), "Half-UNet C=32 denoiser (sigma 25)");
    }
    Path file = Path.of(model);
    if (ClassifierFile.isClassifier(file)) {
      return classifier(ClassifierFile.load(file), "classifier " + file.getFileName(), data, validation, fisher,
          notes);
    }
    return denoiser(ModelFile.load(file), "denoiser " + file.getFileName());
  }

  private static WeightTask denoiser(Denoiser d, String name) {
    try {
      PruneConfig cfg = PruneConfig.defaults();
      return new DenoiserTask(d, PruneRun.noise(cfg), cfg.evalSeed(), cfg.refine().valCrops(),
          cfg.refine().valCropSize(), name);
    } catch (RuntimeException e) {
      d.close();
      throw e;
    }
  }

  private static WeightTask classifier(Classifier c, String name, Path data, int validation, boolean fisher,
      Consumer<String> notes) {
    try {
      FashionMnist.Splits s = FashionMnist.load(data);
      if (!s.note().isEmpty()) {
        notes.accept(s.note());
      }
      LabelledImages val = validation == 0 || validation >= s.validation().count() ? s.validation()
          : s.validation().slice(0, validation, s.validation().source() + "[0:" + validation + "]");
      return new ClassifierTask(c, val, s.test(), name, fisher ? s.train() : null);
    } catch (RuntimeException e) {
      c.close();
      throw e;
    }
  }
}
