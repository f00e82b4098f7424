package io.qprune.formulation.model;

import io.qprune.api.io.AtomicFiles;

import ai.djl.MalformedModelException;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.qprune.api.InvalidInputException;
import io.qprune.formulation.data.ColorMode;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Saves and loads a {@link Denoiser}: a header naming the architecture (JSON) followed by DJL's
 * parameter encoding; the shipped default model is one such file on the class path.
 */
public final class ModelFile {
  private static final String MAGIC = "qprune-denoiser";
  private static final int VERSION = 1;
  private static final String DEFAULT = "/io/qprune/formulation/models/halfunet-c32-s25-grey.qpm";
  private static final ObjectMapper JSON = new ObjectMapper();

  private ModelFile() {}

  /** Writes the weights (BN running statistics included) atomically to {@code file}. */
  public static void save(Denoiser model, Path file) {
    AtomicFiles.write(file, out -> write(model, out));
  }

  /** Writes the model to a stream (not closed). */
  public static void write(Denoiser model, OutputStream out) throws IOException {
    DataOutputStream dos = new DataOutputStream(out);
    dos.writeUTF(MAGIC);
    dos.writeInt(VERSION);
    Map<String, Object> header = new LinkedHashMap<>();
    ModelSpec s = model.spec();
    header.put("architecture", s.architecture().id());
    header.put("channels", s.channels());
    header.put("depth", s.depth());
    header.put("color", s.color().toString());
    header.put("info", model.info());
    dos.writeUTF(JSON.writeValueAsString(header));
    model.network().saveParameters(dos);
    dos.flush();
  }

  /** Loads a model file. */
  public static Denoiser load(Path file) {
    return ModelStreams.load(file, ModelFile::read);
  }

  /** Loads the shipped default model (Half-UNet, C = 32, trained at σ = 25, grey). */
  public static Denoiser loadDefault() {
    return ModelStreams.loadResource(DEFAULT, "default model", ModelFile::read);
  }

  /** Reads a model from a stream; {@code name} is used in error messages. */
  public static Denoiser read(InputStream in, String name) throws IOException {
    DataInputStream dis = new DataInputStream(in);
    Map<String, Object> h = ModelStreams.header(dis, MAGIC, VERSION, name, "model");
    ModelSpec spec = new ModelSpec(
        Architecture.parse((String) h.get("architecture")),
        ((Number) h.get("channels")).intValue(),
        ((Number) h.get("depth")).intValue(),
        ColorMode.parse((String) h.get("color")));
    @SuppressWarnings("unchecked")
    Map<String, String> info = (Map<String, String>) h.getOrDefault("info", Map.of());
    MaskedNetwork net = Denoiser.build(spec, 0);
    Map<String, Shape> expected = new LinkedHashMap<>();
    net.getParameters().forEach(p -> expected.put(p.getKey(), p.getValue().getShape()));
    NDManager manager = Torch.engine().newBaseManager();
    try {
      net.loadParameters(manager, dis);
      for (var p : net.getParameters()) {
        Parameter param = p.getValue();
        if (!param.getArray().getShape().equals(expected.get(p.getKey()))) {
          throw new InvalidInputException(name + ": parameter " + p.getKey() + " has shape "
              + param.getArray().getShape() + ", expected " + expected.get(p.getKey()));
        }
      }
    } catch (MalformedModelException | RuntimeException e) {
      manager.close();
      if (e instanceof InvalidInputException) {
        throw (InvalidInputException) e;
      }
      throw new InvalidInputException(name + " holds weights that do not fit " + spec + ": "
          + e.getMessage(), e);
    }
    return Denoiser.wrap(spec, manager, net, info);
  }
}
