package io.qprune.formulation.train;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.qprune.api.InvalidInputException;
import io.qprune.formulation.model.ResNetSpec;
import java.io.IOException;
import java.util.Locale;

/**
 * A classifier training run, read from JSON whose fields override the defaults (an unknown field
 * is an error); {@code "task": "classification"} tells {@code qprune train} to use it. {@code data}
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
    Double lrMin,
    Double weightDecay,
    Integer shift,
    Boolean flip,
    Long seed,
    Integer threads,
    Integer checkpointEvery,
    Integer validateEvery) {

  public static final String TASK = "classification";
  private static final ObjectMapper JSON = JsonConfigs.JSON;

  /** The defaults: what trained the shipped ResNet-20 on Fashion-MNIST. */
  public static ClassifierTrainConfig defaults() {
    return new ClassifierTrainConfig(TASK, "fashion-mnist", null, 20, 16, 128, 4, 3e-3, 1e-5, 1e-4, 2, true, 1L,
        2, 100, 200);
  }

  /** Whether a training config's JSON asks for classification. */
  public static boolean isClassification(String json) {
    try {
      JsonNode n = JSON.readTree(json);
      return n != null && n.isObject() && TASK.equals(n.path("task").asText(""));
    } catch (IOException e) {
      return false;
    }
  }

  /** Parses config JSON over the defaults; {@code name} is used in error messages. */
  public static ClassifierTrainConfig parse(String json, String name) {
    ClassifierTrainConfig c = JsonConfigs.merge(defaults(), json, name, ClassifierTrainConfig.class);
    c.validate(name);
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
    for (var e : new Object[][] {{"batch", batch}, {"epochs", epochs}, {"checkpointEvery", checkpointEvery},
        {"validateEvery", validateEvery}}) {
      if (e[1] == null || (Integer) e[1] < 1) {
        throw new InvalidInputException(name + ": '" + e[0] + "' must be >= 1, got " + e[1]);
      }
    }
    if (!(lr > 0) || !(lrMin >= 0) || lrMin > lr || !(weightDecay >= 0)) {
      throw new InvalidInputException(name + ": need lr > 0, 0 <= lrMin <= lr and weightDecay >= 0, got lr " + lr
          + ", lrMin " + lrMin + ", weightDecay " + weightDecay);
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
    ObjectNode node = JSON.valueToTree(this);
    node.put("threads", n);
    return parse(node.toString(), "--threads");
  }

  public String toJson() {
    try {
      return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(this);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
