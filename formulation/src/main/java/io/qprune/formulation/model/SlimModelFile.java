package io.qprune.formulation.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.qprune.api.InvalidInputException;
import io.qprune.api.io.AtomicFiles;
import io.qprune.formulation.data.ColorMode;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Saves and loads a {@link SlimDenoiser} ({@code qprune export}): a JSON header that describes it
 * — the original architecture, width, depth and colour, the kept units of every layer and their
 * count, for the Half-UNet the fused map's units and each level's positions in it, and every cut
 * conv's name and weight shapes — followed by the weights as little-endian floats in that order.
 */
public final class SlimModelFile {
  private static final String MAGIC = "qprune-slim-denoiser";
  private static final int VERSION = 1;
  private static final ObjectMapper JSON = new ObjectMapper();

  private SlimModelFile() {}

  /** Writes {@code model} atomically to {@code file}. */
  public static void save(SlimDenoiser model, Path file) {
    AtomicFiles.write(file, out -> write(model, out));
  }

  /** True if {@code file} starts like a slim model file (false if it cannot be read). */
  public static boolean isSlim(Path file) {
    try (DataInputStream in = new DataInputStream(java.nio.file.Files.newInputStream(file))) {
      return MAGIC.equals(in.readUTF());
    } catch (IOException | RuntimeException e) {
      return false;
    }
  }

  /** Writes the model to a stream (not closed). */
  public static void write(SlimDenoiser model, OutputStream out) throws IOException {
    DataOutputStream dos = new DataOutputStream(out);
    dos.writeUTF(MAGIC);
    dos.writeInt(VERSION);
    ModelSpec s = model.spec();
    Map<String, Object> header = new LinkedHashMap<>();
    header.put("architecture", s.architecture().id());
    header.put("channels", s.channels());
    header.put("depth", s.depth());
    header.put("color", s.color().toString());
    header.put("widths", model.widths());
    header.put("kept", model.keptUnits());
    if (s.architecture() == Architecture.HALF_UNET) {
      header.put("fused_units", model.fusedUnits());
      header.put("fused_positions", model.fusedPositions());
    }
    List<List<Map<String, Object>>> convs = new ArrayList<>();
    for (List<SlicedConv> layer : model.convs()) {
      List<Map<String, Object>> l = new ArrayList<>();
      for (SlicedConv c : layer) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", c.name());
        m.put("depthwise", c.depthwise());
        m.put("stride", c.stride());
        m.put("weights", c.weights().stream().map(w -> w.getShape().getShape()).toList());
        l.add(m);
      }
      convs.add(l);
    }
    header.put("convs", convs);
    header.put("params", model.params());
    header.put("info", model.info());
    dos.writeUTF(JSON.writeValueAsString(header));
    for (List<SlicedConv> layer : model.convs()) {
      for (SlicedConv c : layer) {
        for (NDArray w : c.weights()) {
          floats(dos, w.toFloatArray());
        }
        floats(dos, c.bias().toFloatArray());
      }
    }
    dos.flush();
  }

  private static void floats(DataOutputStream dos, float[] v) throws IOException {
    ByteBuffer b = ByteBuffer.allocate(4 * v.length).order(ByteOrder.LITTLE_ENDIAN);
    b.asFloatBuffer().put(v);
    dos.write(b.array());
  }

  /** Loads a slim model file. */
  public static SlimDenoiser load(Path file) {
    return ModelStreams.load(file, SlimModelFile::read);
  }

  /** Reads a slim model from a stream; {@code name} is used in error messages. */
  @SuppressWarnings("unchecked")
  public static SlimDenoiser read(InputStream in, String name) throws IOException {
    DataInputStream dis = new DataInputStream(in);
    Map<String, Object> h = ModelStreams.header(dis, MAGIC, VERSION, name, "slim model");
    NDManager manager = Torch.engine().newBaseManager();
    try {
      ModelSpec spec = new ModelSpec(
          Architecture.parse((String) h.get("architecture")),
          ((Number) h.get("channels")).intValue(),
          ((Number) h.get("depth")).intValue(),
          ColorMode.parse((String) h.get("color")));
      int units = spec.architecture() == Architecture.HALF_UNET ? spec.channels() / 2 : spec.channels();
      int layers = spec.architecture() == Architecture.HALF_UNET ? 2 * spec.depth() + 2 : spec.depth() - 1;
      List<List<Number>> keptIn = (List<List<Number>>) h.get("kept");
      List<List<Map<String, Object>>> convsIn = (List<List<Map<String, Object>>>) h.get("convs");
      if (keptIn == null || keptIn.size() != layers || convsIn == null || convsIn.size() != layers + 1) {
        throw new InvalidInputException(name + ": the header must list the kept units of " + layers
            + " layers and their convs (plus the output conv)");
      }
      List<int[]> kept = new ArrayList<>();
      for (int k = 0; k < layers; k++) {
        int[] units0 = keptIn.get(k).stream().mapToInt(Number::intValue).toArray();
        for (int j = 0; j < units0.length; j++) {
          if (units0[j] < 0 || units0[j] >= units || (j > 0 && units0[j] <= units0[j - 1])) {
            throw new InvalidInputException(name + ": layer " + k + " keeps unit " + units0[j]
                + "; units must be ascending in 0.." + (units - 1));
          }
        }
        kept.add(units0);
      }
      List<List<SlicedConv>> convs = new ArrayList<>();
      for (int k = 0; k <= layers; k++) {
        List<SlicedConv> layer = new ArrayList<>();
        int expected = k == layers ? 1 : kept.get(k).length == 0 ? 0
            : spec.architecture() == Architecture.HALF_UNET ? 2 : 1;
        if (convsIn.get(k).size() != expected) {
          throw new InvalidInputException(name + ": layer " + k + " has " + convsIn.get(k).size()
              + " convs, expected " + expected);
        }
        for (Map<String, Object> c : convsIn.get(k)) {
          List<NDArray> weights = new ArrayList<>();
          long out = -1;
          for (List<Number> dims : (List<List<Number>>) c.get("weights")) {
            Shape s = new Shape(dims.stream().mapToLong(Number::longValue).toArray());
            if (s.dimension() != 4 || s.get(2) != s.get(3) || (out >= 0 && s.get(0) != out)) {
              throw new InvalidInputException(name + ": conv " + c.get("name") + " has weight shape " + s);
            }
            out = s.get(0);
            weights.add(manager.create(readFloats(dis, s.size(), name), s));
          }
          long want = k == layers ? spec.color().channels() : kept.get(k).length;
          if (out != want) {
            throw new InvalidInputException(name + ": conv " + c.get("name") + " has " + out
                + " output channels; the header says " + want);
          }
          NDArray bias = manager.create(readFloats(dis, out, name));
          layer.add(new SlicedConv((String) c.get("name"), weights, bias,
              ((Number) c.get("stride")).intValue(), (Boolean) c.get("depthwise")));
        }
        convs.add(layer);
      }
      if (dis.read() != -1) {
        throw new InvalidInputException(name + " has data after the weights the header describes");
      }
      Map<String, String> info = (Map<String, String>) h.getOrDefault("info", Map.of());
      SlimDenoiser model = new SlimDenoiser(spec, kept, convs, manager, info);
      check(model, name);
      return model;
    } catch (RuntimeException | IOException e) {
      manager.close();
      if (e instanceof InvalidInputException || e instanceof IOException) {
        throw e;
      }
      throw new InvalidInputException(name + " is not a consistent slim model: " + e.getMessage(), e);
    }
  }

  private static float[] readFloats(DataInputStream dis, long n, String name) throws IOException {
    byte[] bytes = new byte[Math.toIntExact(4 * n)];
    try {
      dis.readFully(bytes);
    } catch (java.io.EOFException e) {
      throw new InvalidInputException(name + " ends before all the weights its header describes", e);
    }
    float[] v = new float[(int) n];
    ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(v);
    return v;
  }

  /** One forward pass on a small zero image: weight shapes that do not chain fail here, by name. */
  private static void check(SlimDenoiser model, String name) {
    int m = model.spec().sizeMultiple();
    try (NDManager sub = model.manager().newSubManager()) {
      model.denoise(sub.zeros(new Shape(1, model.spec().color().channels(), m, m)), sub);
    } catch (RuntimeException e) {
      throw new InvalidInputException(name + ": its convs' weight shapes do not fit together: " + e.getMessage(), e);
    }
  }
}
