package io.qprune.formulation.importance;

import io.qprune.api.InvalidInputException;
import io.qprune.formulation.model.Layer;
import io.qprune.formulation.model.PrunableModel;
import io.qprune.formulation.model.Unit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The units a pruning problem decides on: one id per unit, the layer each belongs to (layers in
 * order of first appearance) and each unit's position inside its layer.
 */
public final class UnitLayout {
  private final List<String> ids;
  private final List<String> layers;
  private final int[] layerOf;
  private final int[] indexInLayer;
  private final int[][] members;

  private UnitLayout(List<String> ids, List<String> layers, int[] layerOf, int[] indexInLayer,
      int[][] members) {
    this.ids = ids;
    this.layers = layers;
    this.layerOf = layerOf;
    this.indexInLayer = indexInLayer;
    this.members = members;
  }

  /** The units of a network, with ids {@code layer:index}. */
  public static UnitLayout of(PrunableModel model) {
    List<String> ids = new ArrayList<>();
    List<String> layerNames = new ArrayList<>();
    for (Unit u : model.units()) {
      ids.add(u.layer() + ":" + u.index());
      layerNames.add(u.layer());
    }
    return of(ids, layerNames);
  }

  /** The units of {@code layers} (consecutive, in order), with ids {@code layer:index}. */
  public static UnitLayout ofLayers(List<Layer> layers) {
    List<String> ids = new ArrayList<>();
    List<String> layerNames = new ArrayList<>();
    for (Layer l : layers) {
      for (int j = 0; j < l.units(); j++) {
        ids.add(l.name() + ":" + j);
        layerNames.add(l.name());
      }
    }
    return of(ids, layerNames);
  }

  /** Units with the given ids (distinct, non-blank) and layer names, one per unit. */
  public static UnitLayout of(List<String> ids, List<String> layerOfUnit) {
    if (ids.size() != layerOfUnit.size()) {
      throw new InvalidInputException("There are " + ids.size() + " unit ids but "
          + layerOfUnit.size() + " layer names; give one layer per unit");
    }
    if (ids.isEmpty()) {
      throw new InvalidInputException("A pruning problem needs at least one unit");
    }
    Set<String> seen = new HashSet<>();
    Map<String, Integer> layerIndex = new LinkedHashMap<>();
    Map<String, Integer> count = new HashMap<>();
    int n = ids.size();
    int[] layerOf = new int[n];
    int[] pos = new int[n];
    for (int i = 0; i < n; i++) {
      String id = ids.get(i);
      String layer = layerOfUnit.get(i);
      if (id == null || id.isBlank()) {
        throw new InvalidInputException("Unit " + i + " has an empty id");
      }
      if (!seen.add(id)) {
        throw new InvalidInputException("Unit id '" + id + "' appears twice (unit " + i + ")");
      }
      if (layer == null || layer.isBlank()) {
        throw new InvalidInputException("Unit '" + id + "' (unit " + i + ") has no layer name");
      }
      layerOf[i] = layerIndex.computeIfAbsent(layer, l -> layerIndex.size());
      pos[i] = count.merge(layer, 1, Integer::sum) - 1;
    }
    List<String> layers = List.copyOf(layerIndex.keySet());
    int[][] members = new int[layers.size()][];
    for (int l = 0; l < layers.size(); l++) {
      members[l] = new int[count.get(layers.get(l))];
    }
    for (int i = 0; i < n; i++) {
      members[layerOf[i]][pos[i]] = i;
    }
    return new UnitLayout(List.copyOf(ids), layers, layerOf, pos, members);
  }

  public int size() {
    return ids.size();
  }

  /** The id of unit i, e.g. {@code enc1a:3}. */
  public String id(int i) {
    return ids.get(i);
  }

  public List<String> ids() {
    return ids;
  }

  /** Layer names in order of first appearance. */
  public List<String> layers() {
    return layers;
  }

  public int numLayers() {
    return layers.size();
  }

  /** The layer (index into {@link #layers()}) of unit i. */
  public int layerOf(int i) {
    return layerOf[i];
  }

  /** The position of unit i among its layer's units. */
  public int indexInLayer(int i) {
    return indexInLayer[i];
  }

  /** How many units layer l has. */
  public int layerSize(int l) {
    return members[l].length;
  }

  /** The global index of the {@code k}-th unit of layer l. */
  public int member(int l, int k) {
    return members[l][k];
  }

  /** The layer index of each unit (a copy). */
  public int[] layerOfUnits() {
    return layerOf.clone();
  }

  /**
   * The layers as blocks of consecutive units (one channel each), for refinement from a scores
   * file; a layer whose units are not consecutive is an error.
   */
  public List<Layer> asLayers() {
    List<Layer> out = new ArrayList<>();
    for (int l = 0; l < layers.size(); l++) {
      int first = members[l][0];
      for (int k = 1; k < members[l].length; k++) {
        if (members[l][k] != first + k) {
          throw new InvalidInputException("The units of layer '" + layers.get(l) + "' are not"
              + " consecutive (unit " + members[l][k] + " '" + ids.get(members[l][k]) + "' follows"
              + " unit " + members[l][k - 1] + "); list each layer's units together");
        }
      }
      out.add(new Layer(layers.get(l), l, members[l].length, first, 1));
    }
    return out;
  }
}
