package io.qprune.formulation.model;

import ai.djl.MalformedModelException;
import ai.djl.ndarray.NDManager;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.qprune.api.InvalidInputException;
import io.qprune.api.io.AtomicFiles;
import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Saves and loads a {@link Classifier}: a JSON header (architecture, normalisation, info) followed
 * by DJL's parameter encoding. The shipped ResNet-20 for Fashion-MNIST is one such file.
 */
public final class ClassifierFile {
  private static final String MAGIC = "qprune-classifier";
  private static final int VERSION = 1;
  private static final String DEFAULT = "/io/qprune/formulation/models/resnet20-fashion-mnist.qpm";
  private static final ObjectMapper JSON = new ObjectMapper();

  private ClassifierFile() {}

  /** Whether {@code file} starts like a classifier file (as opposed to a denoiser). */
  public static boolean isClassifier(Path file) {
    try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file)))) {
      return MAGIC.equals(in.readUTF());
    } catch (IOException e) {
      return false;
    }
  }

  public static void save(Classifier model, Path file) {
    AtomicFiles.write(file, out -> write(model, out));
  }

  /** Writes the model to a stream (not closed). */
  public static void write(Classifier model, java.io.OutputStream out) throws IOException {
    {
      DataOutputStream dos = new DataOutputStream(out);
      dos.writeUTF(MAGIC);
      dos.writeInt(VERSION);
      Map<String, Object> h = new LinkedHashMap<>();
      ResNetSpec s = model.spec();
      h.put("architecture", "resnet");
      h.put("depth", s.depth());
      h.put("width", s.width());
      h.put("channels", s.channels());
      h.put("size", s.size());
      h.put("classes", s.classes());
      h.put("mean", model.mean());
      h.put("std", model.std());
      h.put("info", model.info());
      dos.writeUTF(JSON.writeValueAsString(h));
      model.network().saveParameters(dos);
      dos.flush();
    }
  }

  public static Classifier load(Path file) {
    return ModelStreams.load(file, ClassifierFile::read);
  }

  /** The shipped ResNet-20 trained on Fashion-MNIST by {@code qprune train --config configs/train-resnet20.json}. */
  public static Classifier loadDefault() {
    return ModelStreams.loadResource(DEFAULT, "default classifier", ClassifierFile::read);
  }

  /** Reads a classifier from a stream; {@code name} is used in error messages. */
  @SuppressWarnings("unchecked")
  public static Classifier read(InputStream in, String name) throws IOException {
    DataInputStream dis = new DataInputStream(in);
    Map<String, Object> h = ModelStreams.header(dis, MAGIC, VERSION, name, "classifier");
    ResNetSpec spec = new ResNetSpec(num(h, "depth"), num(h, "width"), num(h, "channels"), num(h, "size"),
        num(h, "classes"));
    float[] mean = floats((List<Number>) h.get("mean"));
    float[] std = floats((List<Number>) h.get("std"));
    Map<String, String> info = (Map<String, String>) h.getOrDefault("info", Map.of());
    ResNet net = Classifier.build(spec);
    NDManager manager = Torch.engine().newBaseManager();
    try {
      net.loadParameters(manager, dis);
    } catch (MalformedModelException | RuntimeException e) {
      manager.close();
      throw new InvalidInputException(name + " holds weights that do not fit " + spec + ": " + e.getMessage(), e);
    }
    return Classifier.wrap(spec, manager, net, mean, std, info);
  }

  private static int num(Map<String, Object> h, String key) {
    Object v = h.get(key);
    if (!(v instanceof Number)) {
      throw new InvalidInputException("Classifier header lacks a numeric '" + key + "'");
    }
    return ((Number) v).intValue();
  }

  private static float[] floats(List<Number> v) {
    float[] out = new float[v.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = v.get(i).floatValue();
    }
    return out;
  }
}
