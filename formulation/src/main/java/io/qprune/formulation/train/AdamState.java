package io.qprune.formulation.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import ai.djl.nn.Block;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Adam (β1 = 0.9, β2 = 0.999, ε = 1e-8) whose moment arrays we own, so that a checkpoint can save
 * them and a resumed run continues exactly. Uses the engine's fused update, which also zeroes the
 * gradients.
 */
final class AdamState {
  private static final float B1 = 0.9f;
  private static final float B2 = 0.999f;
  private static final float EPS = 1e-8f;
  private final Map<String, NDArray[]> moments = new LinkedHashMap<>();
  private int t;

  AdamState(Block net, NDManager manager) {
    for (Pair<String, Parameter> p : net.getParameters()) {
      if (p.getValue().requiresGradient()) {
        NDArray w = p.getValue().getArray();
        moments.put(p.getKey(), new NDArray[] {manager.zeros(w.getShape()), manager.zeros(w.getShape())});
      }
    }
  }

  int updates() {
    return t;
  }

  /** Applies one update with learning rate {@code lr} to every trainable parameter. */
  void step(Block net, double lr) {
    step(net, lr, 0);
  }

  /** One update with decoupled weight decay {@code wd} (AdamW) on the weights, none on biases and norms. */
  void step(Block net, double lr, double wd) {
    t++;
    double corrected = lr * Math.sqrt(1 - Math.pow(B2, t)) / (1 - Math.pow(B1, t));
    for (Pair<String, Parameter> p : net.getParameters()) {
      NDArray[] mv = moments.get(p.getKey());
      if (mv == null) {
        continue;
      }
      NDArray w = p.getValue().getArray();
      float decay = p.getValue().getType() == Parameter.Type.WEIGHT ? (float) wd : 0f;
      w.getNDArrayInternal().adamUpdate(
          new NDList(w, w.getGradient(), mv[0], mv[1]), new NDList(w), (float) lr,
          (float) corrected, decay, 1f, -1f, B1, B2, EPS, true, decay > 0);
    }
  }

  void save(DataOutputStream out) throws IOException {
    out.writeInt(t);
    out.writeInt(moments.size());
    for (Map.Entry<String, NDArray[]> e : moments.entrySet()) {
      out.writeUTF(e.getKey());
      writeArray(out, e.getValue()[0]);
      writeArray(out, e.getValue()[1]);
    }
  }

  void load(DataInputStream in, NDManager manager) throws IOException {
    t = in.readInt();
    int n = in.readInt();
    if (n != moments.size()) {
      throw new IOException("checkpoint has Adam state for " + n + " parameters, model has "
          + moments.size());
    }
    for (int i = 0; i < n; i++) {
      String name = in.readUTF();
      NDArray[] mv = moments.get(name);
      if (mv == null) {
        throw new IOException("checkpoint has Adam state for unknown parameter " + name);
      }
      for (int k = 0; k < 2; k++) {
        NDArray loaded = readArray(in, manager);
        mv[k].close();
        mv[k] = loaded;
      }
    }
  }

  private static void writeArray(DataOutputStream out, NDArray a) throws IOException {
    byte[] b = a.encode();
    out.writeInt(b.length);
    out.write(b);
  }

  private static NDArray readArray(DataInputStream in, NDManager manager) throws IOException {
    byte[] b = new byte[in.readInt()];
    in.readFully(b);
    return manager.decode(b);
  }
}
