package io.qprune.formulation.train;

import com.fasterxml.jackson.annotation.JsonAlias;
import io.qprune.api.InvalidInputException;
import io.qprune.api.config.ConfigFile;
import io.qprune.api.config.ConfigValues;
import io.qprune.formulation.model.ResNetSpec;
import java.util.Locale;

/**
 * A classifier training run, read from JSON (or YAML) whose keys override the defaults through
 * {@link ConfigFile} (snake_case keys, camelCase spellings of earlier configs still read; an unknown
 * key or a wrong type is an error); {@code "task": "classification"} tells {@code qprune train} to use it. {@code data}
 * is a folder (null: Debian's Fashion-MNIST, see {@code FashionMnist.locate}).
 */
public record ClassifierTrainConfig(
    String task,
    String dataset,
    String data,
    Integer depth,
    Integer width,
    Integer batch,
    Integer epochs,
    Double lr,
    @JsonAlias("lrMin") Double lrMin,
    @JsonAlias("weightDecay") Double weightDecay,
    Integer shift,
    Boolean flip,
    Long seed,
    Integer threads,
    @JsonAlias("checkpointEvery") Integer checkpointEvery,
    @JsonAlias("validateEvery") Integer validateEvery) {

  public static final String TASK = "classification";
  /** The defaults: what trained the shipped ResNet-20 on Fashion-MNIST. */
  public static ClassifierTrainConfig defaults() {
    return new ClassifierTrainConfig(TASK, "fashion-mnist", null, 20, 16, 128, 4, 3e-3, 1e-5, 1e-4, 2, true, 1L,
        2, 100, 200);
  }

  /** Whether a training config's JSON asks for classification. */
  public static boolean isClassification(String json) {
    try {
      return isClassification(ConfigFile.parse("config.json", json));
    } catch (InvalidInputException notJson) {
      return false;
    }
  }

  /** Whether a parsed training config asks for classification ({@code task: classification}). */
  public static boolean isClassification(ConfigFile file) {
    return TASK.equals(file.tree().path("task").asText(""));
  }

  /** Parses config text over the defaults; {@code name} (its extension picks JSON or YAML) goes into errors. */
  public static ClassifierTrainConfig parse(String text, String name) {
    return from(ConfigFile.parse(name, text));
  }

  /** A parsed config file over the defaults. */
  public static ClassifierTrainConfig from(ConfigFile file) {
    ClassifierTrainConfig c = file.bind(ClassifierTrainConfig.class, defaults());
    c.validate(file.name());
    return c;
  }

  private void validate(String name) {
    String d = dataset.toLowerCase(Locale.ROOT);
    if (!d.equals("fashion-mnist") && !d.equals("cifar10")) {
      throw new InvalidInputException(name + ": unknown dataset '" + dataset + "'. Maybe use fashion-mnist or cifar10");
    }
    if (d.equals("cifar10") && data == null) {
      throw new InvalidInputException(name + ": dataset cifar10 needs 'data', the cifar-10-batches-bin folder");
    }
    for (var e : new Object[][] {{"batch", batch}, {"epochs", epochs}, {"checkpoint_every", checkpointEvery},
        {"validate_every", validateEvery}}) {
      if (e[1] == null || (Integer) e[1] < 1) {
        throw new InvalidInputException(name + ": '" + e[0] + "' must be >= 1, got " + e[1]);
      }
    }
    if (!(lr > 0) || !(lrMin >= 0) || lrMin > lr || !(weightDecay >= 0)) {
      throw new InvalidInputException(name + ": need lr > 0, 0 <= lr_min <= lr and weight_decay >= 0, got lr "
          + lr + ", lr_min " + lrMin + ", weight_decay " + weightDecay);
    }
    if (shift < 0 || shift > 8) {
      throw new InvalidInputException(name + ": 'shift' (random translation, pixels) must be in 0..8, got " + shift);
    }
    spec(d.equals("cifar10") ? 3 : 1, d.equals("cifar10") ? 32 : 28);
  }

  /** The network for images of {@code channels} × {@code size}². */
  public ResNetSpec spec(int channels, int size) {
    return new ResNetSpec(depth, width, channels, size, 10);
  }

  /** This config with another thread count. */
  public ClassifierTrainConfig withThreads(int n) {
    ClassifierTrainConfig c = ConfigValues.with(this, ClassifierTrainConfig.class, "threads", n, defaults());
    c.validate("--threads");
    return c;
  }

  /** This config as pretty JSON with its config keys. */
  public String toJson() {
    return ConfigValues.tree(this).toPrettyString();
  }

  /** What a checkpoint records of its config (camelCase, as checkpoints always have; see TrainConfig). */
  String checkpointJson() {
    return JsonConfigs.checkpointJson(this);
  }
}
