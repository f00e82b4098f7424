package io.qprune.api.io;

import com.fasterxml.jackson.databind.JsonNode;
import io.qprune.api.InvalidInputException;
import io.qprune.api.Qubo;
import io.qprune.api.QuboBuilder;
import io.qprune.api.Vartype;
import java.util.List;
import java.util.regex.Pattern;

/** Interprets dimod BQM JSON (schema 2.0.0, both 3.0.0 forms) and checks it for consistency. */
final class BqmJsonReader {
  private static final String REEXPORT =
      "re-export it with a current dimod: json.dumps(bqm.to_serializable())";
  private static final Pattern INT_TYPE = Pattern.compile("u?int(8|16|32|64)|[<>=|]?[iu][1248]");
  private static final Pattern FLOAT_TYPE = Pattern.compile("float(32|64)|[<>=|]?f[48]");

  private final JsonFields f;
  private final JsonNode root;

  private BqmJsonReader(JsonDoc doc) {
    this.f = new JsonFields(doc);
    this.root = doc.root;
  }

  static Qubo read(String text, String source) {
    return new BqmJsonReader(JsonDoc.parse(text, source)).read();
  }

  private Qubo read() {
    f.object(root, "");
    checkTypeAndVersion();
    List<Object> labels = f.labels(req("variable_labels"), "/variable_labels");
    Vartype vartype = f.vartype(req("variable_type"), "/variable_type");
    double offset = f.finite(req("offset"), "/offset");
    double[] linear = f.doubles(req("linear_biases"), "/linear_biases");
    int n = linear.length;
    if (labels.size() != n) {
      throw f.error("/variable_labels", "there are " + labels.size() + " variable_labels but "
          + n + " linear_biases; the file is corrupt, " + REEXPORT);
    }
    double[] biases = f.doubles(req("quadratic_biases"), "/quadratic_biases");
    int[] head = f.indices(req("quadratic_head"), "/quadratic_head", n);
    int[] tail = f.indices(req("quadratic_tail"), "/quadratic_tail", n);
    if (head.length != biases.length || tail.length != biases.length) {
      throw f.error("/quadratic_head", "quadratic_head, quadratic_tail and quadratic_biases must "
          + "have the same length, got " + head.length + ", " + tail.length + " and "
          + biases.length + "; the file is corrupt, " + REEXPORT);
    }
    checkCounts(n, biases.length);
    checkDtypes();
    if (root.has("info")) {
      f.object(root.get("info"), "/info");
    }
    QuboBuilder b = Qubo.builder(vartype, n);
    try {
      b.labels(labels);
    } catch (InvalidInputException e) {
      throw f.error("/variable_labels", e.getMessage());
    }
    for (int i = 0; i < n; i++) {
      b.addLinear(i, linear[i]);
    }
    for (int k = 0; k < biases.length; k++) {
      if (head[k] == tail[k]) {
        throw f.error("/quadratic_tail/" + k, "interaction " + k + " joins variable " + head[k]
            + " to itself (quadratic_head[" + k + "] == quadratic_tail[" + k + "]); a BQM "
            + "interaction needs two different variables");
      }
      b.addQuadratic(head[k], tail[k], biases[k]);
    }
    try {
      return b.addOffset(offset).build();
    } catch (InvalidInputException e) { // merged duplicates can overflow to infinity
      throw f.error("/quadratic_biases", e.getMessage());
    }
  }

  private JsonNode req(String key) {
    return f.required(root, "", key, "the file is incomplete; " + REEXPORT);
  }

  private void checkTypeAndVersion() {
    JsonNode type = root.get("type");
    if (type != null) {
      String t = f.string(type, "/type");
      if (t.equals("SampleSet")) {
        throw f.error("/type", "this is a dimod SampleSet, not a binary quadratic model; read it "
            + "as a sample set (SampleSetJson)");
      }
      if (!t.equals("BinaryQuadraticModel") && !t.endsWith("BQM")) {
        throw f.error("/type", "type is '" + t + "', not a binary quadratic model; only "
            + "BinaryQuadraticModel documents can be read");
      }
    }
    JsonNode version = root.get("version");
    if (version == null || !version.has("bqm_schema")) {
      throw f.error("", "there is no version.bqm_schema, so this is dimod's pre-2.0.0 "
          + "serialization, which dimod itself no longer reads; " + REEXPORT);
    }
    int[] v = f.version(f.object(version, "/version").get("bqm_schema"), "/version/bqm_schema");
    String vs = v[0] + "." + v[1] + "." + v[2];
    if (v[0] < 2) {
      throw f.error("/version/bqm_schema", "bqm_schema " + vs + " is older than 2.0.0 and no "
          + "longer supported (dimod itself rejects it); " + REEXPORT);
    }
    if (v[0] > 3) {
      throw f.error("/version/bqm_schema", "bqm_schema " + vs + " is newer than this reader "
          + "(2.0.0 to 3.x); export with use_bytes=False from a dimod that writes schema 3.0.0");
    }
    if (f.bool(req("use_bytes"), "/use_bytes")) {
      throw f.error("/use_bytes", "use_bytes is true: the arrays are raw "
          + (v[0] == 2 ? "NPY files" : "bytes") + ", which only BSON can carry, not JSON; "
          + "re-export with bqm.to_serializable(use_bytes=False)");
    }
  }

  private void checkCounts(int n, int m) {
    if (root.has("num_variables")) {
      long nv = f.integer(root.get("num_variables"), "/num_variables", 0, Integer.MAX_VALUE);
      if (nv != n) {
        throw f.error("/num_variables", "num_variables is " + nv + " but there are " + n
            + " linear_biases; the file is corrupt, " + REEXPORT);
      }
    }
    if (root.has("num_interactions")) {
      long ni = f.integer(root.get("num_interactions"), "/num_interactions", 0, Integer.MAX_VALUE);
      if (ni != m) {
        throw f.error("/num_interactions", "num_interactions is " + ni + " but there are " + m
            + " quadratic_biases; the file is corrupt, " + REEXPORT);
      }
    }
    if (root.has("shape")) {
      JsonNode shape = f.array(root.get("shape"), "/shape");
      if (shape.size() != 2 || f.integer(shape.get(0), "/shape/0", 0, Integer.MAX_VALUE) != n
          || f.integer(shape.get(1), "/shape/1", 0, Integer.MAX_VALUE) != m) {
        throw f.error("/shape", "shape is " + shape + " but the arrays hold " + n
            + " variables and " + m + " interactions; the file is corrupt, " + REEXPORT);
      }
    }
  }

  private void checkDtypes() {
    if (root.has("index_type")) {
      String t = f.string(root.get("index_type"), "/index_type");
      if (!INT_TYPE.matcher(t).matches()) {
        throw f.error("/index_type", "index_type '" + t + "' is not an integer type such as int32");
      }
    }
    if (root.has("bias_type")) {
      String t = f.string(root.get("bias_type"), "/bias_type");
      if (!FLOAT_TYPE.matcher(t).matches()) {
        throw f.error("/bias_type", "bias_type '" + t + "' is not a float type such as float64");
      }
    }
  }
}
