package io.qprune.formulation.importance;

import ai.djl.nn.Parameter;
import io.qprune.api.QpruneException;
import io.qprune.formulation.model.Classifier;
import io.qprune.formulation.model.Denoiser;
import io.qprune.formulation.model.Layer;

/**
 * The data-free L1 score: the sum of absolute weights of each unit's filter(s): for a Ghost unit
 * its primary 3×3 filter and its cheap depthwise filter, for a plain conv its output filter.
 */
public final class FilterL1 {
  private FilterL1() {}

  /**
   * One L1 value per channel unit of a classifier: the summed absolute weights of every output
   * filter that makes the unit's channel (for a residual stream, the stem's or each block's second conv).
   */
  public static double[] of(Classifier model) {
    double[] out = new double[model.channelUnits()];
    for (Layer layer : model.channelLayers()) {
      for (int k : model.producers(layer.index())) {
        float[] w = model.weights(k);
        int per = w.length / layer.units();
        for (int j = 0; j < layer.units(); j++) {
          for (int t = j * per; t < (j + 1) * per; t++) {
            out[layer.firstUnit() + j] += Math.abs(w[t]);
          }
        }
      }
    }
    return out;
  }

  /** One L1 value per unit, in the model's global unit order. */
  public static double[] of(Denoiser model) {
    double[] out = new double[model.units().size()];
    for (Layer layer : model.layers()) {
      String[] names = layer.channelsPerUnit() == 2
          ? new String[] {layer.name() + ".primary.weight", layer.name() + ".cheap.weight"}
          : new String[] {layer.name() + ".weight"};
      for (String name : names) {
        Parameter p = model.network().getParameters().get(name);
        if (p == null) {
          throw new QpruneException("Layer " + layer.name() + " has no parameter '" + name + "'");
        }
        float[] w = p.getArray().toFloatArray();
        int per = w.length / layer.units();
        for (int j = 0; j < layer.units(); j++) {
          double s = 0;
          for (int t = j * per; t < (j + 1) * per; t++) {
            s += Math.abs(w[t]);
          }
          out[layer.firstUnit() + j] += s;
        }
      }
    }
    return out;
  }
}
