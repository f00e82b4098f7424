package io.qprune.api.io;

import com.fasterxml.jackson.databind.JsonNode;
import io.qprune.api.InvalidInputException;
import io.qprune.api.SampleSet;
import io.qprune.api.SampleSetBuilder;
import io.qprune.api.Vartype;
import java.util.List;

/** Interprets dimod SampleSet JSON (schema 3.x, packed or plain samples) and checks its shapes. */
final class SampleSetJsonReader {
  private static final String REEXPORT =
      "re-export it with a current dimod: json.dumps(sampleset.to_serializable())";

  private final JsonFields f;
  private final JsonNode root;

  private SampleSetJsonReader(JsonDoc doc) {
    this.f = new JsonFields(doc);
    this.root = doc.root;
  }

  static SampleSet read(String text, String source) {
    return new SampleSetJsonReader(JsonDoc.parse(text, source)).read();
  }

  private SampleSet read() {
    f.object(root, "");
    checkTypeAndVersion();
    Vartype vartype = f.vartype(req(root, "", "variable_type"), "/variable_type");
    List<Object> labels = f.labels(req(root, "", "variable_labels"), "/variable_labels");
    int n = labels.size();
    long nv = f.integer(req(root, "", "num_variables"), "/num_variables", 0, Integer.MAX_VALUE);
    if (nv != n) {
      throw f.error("/num_variables", "num_variables is " + nv + " but there are " + n
          + " variable_labels; the file is corrupt, " + REEXPORT);
    }
    int rows = (int) f.integer(req(root, "", "num_rows"), "/num_rows", 0, Integer.MAX_VALUE);
    JsonNode packedNode = root.get("sample_packed");
    boolean packed = packedNode == null || f.bool(packedNode, "/sample_packed");
    if (root.has("sample_type")) {
      f.string(root.get("sample_type"), "/sample_type");
    }
    SampleRows samples = new SampleRows(f, vartype, n, rows);
    boolean[][] bits = samples.read(req(root, "", "sample_data"), "/sample_data", packed);
    JsonNode vectors = f.object(req(root, "", "vectors"), "/vectors");
    JsonNode energyData = vector(vectors, "energy", rows);
    JsonNode countData = vector(vectors, "num_occurrences", rows);
    SampleSetBuilder b = SampleSet.builder(vartype, n);
    try {
      b.labels(labels);
    } catch (InvalidInputException e) {
      throw f.error("/variable_labels", e.getMessage());
    }
    for (int r = 0; r < rows; r++) {
      double energy = f.finite(energyData.get(r), "/vectors/energy/data/" + r);
      long count = f.integer(countData.get(r), "/vectors/num_occurrences/data/" + r, 1, Long.MAX_VALUE);
      b.add(bits[r], energy, count);
    }
    return b.info(SolveInfoJson.read(f, root.get("info"), "/info")).build();
  }

  private JsonNode req(JsonNode obj, String ptr, String key) {
    return f.required(obj, ptr, key, "the file is incomplete; " + REEXPORT);
  }

  private void checkTypeAndVersion() {
    JsonNode type = root.get("type");
    if (type != null && !f.string(type, "/type").equals("SampleSet")) {
      throw f.error("/type", "type is '" + type.textValue() + "', not SampleSet"
          + (type.textValue().contains("QuadraticModel") || type.textValue().endsWith("BQM")
          ? "; this is a model: read it as bqm-json" : ""));
    }
    JsonNode version = root.get("version");
    if (version == null || !version.has("sampleset_schema")) {
      throw f.error("", "there is no version.sampleset_schema; this is not dimod SampleSet JSON "
          + "or it is older than schema 3.0.0; " + REEXPORT);
    }
    int[] v = f.version(version.get("sampleset_schema"), "/version/sampleset_schema");
    if (v[0] != 3) {
      throw f.error("/version/sampleset_schema", "sampleset_schema " + v[0] + "." + v[1] + "."
          + v[2] + " is not supported (only 3.x, dimod 0.9 and later); " + REEXPORT);
    }
  }

  /** The {@code data} of the array object {@code vectors[name]}, checked to have one entry per row. */
  private JsonNode vector(JsonNode vectors, String name, int rows) {
    String ptr = "/vectors/" + name;
    JsonNode arr = f.object(req(vectors, "/vectors", name), ptr);
    ArrayObjects.checkPlain(f, arr, ptr);
    JsonNode data = f.array(req(arr, ptr, "data"), ptr + "/data");
    ArrayObjects.checkShape(f, arr, ptr, rows);
    if (data.size() != rows) {
      throw f.error(ptr + "/data", name + " has " + data.size() + " values but num_rows is " + rows
          + "; the file is corrupt, " + REEXPORT);
    }
    return data;
  }
}
