package io.qprune.formulation.cost;

import io.qprune.formulation.model.Architecture;
import io.qprune.formulation.model.Denoiser;
import io.qprune.formulation.model.Layer;
import io.qprune.formulation.model.Mask;
import java.util.ArrayList;
import java.util.List;

/**
 * How one prunable layer of a denoiser is fed, as its latency depends on it: the layer, its level
 * (resolution 1/2^level of the input), its producers (none: it reads the image's {@code fixedIn}
 * channels), whether its input is the union of its producers' kept units (the Half-UNet's fused
 * map) rather than their concatenation, the input channels per producer unit, and whether it is a
 * Ghost block (3×3 conv, then a depthwise 3×3 on its output) or a plain 3×3 conv.
 */
record LayerWiring(Layer layer, int level, int fixedIn, List<Layer> producers, boolean union,
    int channelsPerInUnit, boolean ghost) {

  /** The wiring of every prunable layer of {@code model}, in forward order. */
  static List<LayerWiring> of(Denoiser model) {
    List<Layer> layers = model.layers();
    int image = model.spec().color().channels();
    List<LayerWiring> out = new ArrayList<>();
    if (model.spec().architecture() == Architecture.HALF_UNET) {
      int enc = 2 * model.spec().depth();
      for (int k = 0; k < enc; k++) {
        out.add(new LayerWiring(layers.get(k), k / 2, k == 0 ? image : 0,
            k == 0 ? List.of() : List.of(layers.get(k - 1)), false, 2, true));
      }
      List<Layer> lastOfLevel = new ArrayList<>();
      for (int k = 1; k < enc; k += 2) {
        lastOfLevel.add(layers.get(k));
      }
      out.add(new LayerWiring(layers.get(enc), 0, 0, lastOfLevel, true, 2, true));
      out.add(new LayerWiring(layers.get(enc + 1), 0, 0, List.of(layers.get(enc)), false, 2, true));
    } else {
      for (int i = 0; i < layers.size(); i++) {
        out.add(new LayerWiring(layers.get(i), 0, i == 0 ? image : 0,
            i == 0 ? List.of() : List.of(layers.get(i - 1)), false, 1, false));
      }
    }
    return out;
  }

  /** The largest input, in producer units (or the image's channels when it has no producer). */
  int maxIn() {
    if (producers.isEmpty()) {
      return fixedIn;
    }
    int max = union ? 0 : producers.stream().mapToInt(Layer::units).sum();
    for (Layer p : producers) {
      max = union ? Math.max(max, p.units()) : max;
    }
    return max;
  }

  /** The input under {@code mask}, in producer units (the union's size for a fused input). */
  int kIn(Mask mask) {
    if (producers.isEmpty()) {
      return fixedIn;
    }
    if (!union) {
      return producers.stream().mapToInt(p -> kept(mask, p)).sum();
    }
    int n = 0;
    for (int j = 0; j < maxIn(); j++) {
      for (Layer p : producers) {
        if (j < p.units() && mask.keeps(p.firstUnit() + j)) {
          n++;
          break;
        }
      }
    }
    return n;
  }

  /** The kept units of this layer under {@code mask}. */
  int kOut(Mask mask) {
    return kept(mask, layer);
  }

  /** Input channels of the conv for {@code kIn} (producer units, or image channels). */
  int inChannels(int kIn) {
    return producers.isEmpty() ? kIn : kIn * channelsPerInUnit;
  }

  private static int kept(Mask mask, Layer l) {
    int k = 0;
    for (int j = 0; j < l.units(); j++) {
      k += mask.keeps(l.firstUnit() + j) ? 1 : 0;
    }
    return k;
  }

  /** One line describing the shape of this layer (what its latency depends on), for the cache key. */
  String describe() {
    return layer.name() + ":" + layer.units() + "@" + level + "<" + (producers.isEmpty() ? "image" + fixedIn
        : String.join(union ? "|" : "+", producers.stream().map(Layer::name).toList())) + "x" + channelsPerInUnit
        + (ghost ? "g" : "c");
  }
}
