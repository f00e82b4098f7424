package io.qprune.api.io;

import com.fasterxml.jackson.core.JsonGenerator;
import io.qprune.api.QpruneException;
import io.qprune.api.Qubo;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Path;
import java.util.List;

/**
 * dimod's BQM JSON ({@code BinaryQuadraticModel.to_serializable()}), written in the current
 * schema 3.0.0 form and read in that form, the early 3.0.0 form and schema 2.0.0.
 *
 * <p>Variables are written in the model's order rather than sorted as dimod does, so that indices
 * survive a round trip; dimod reads such files as the same model. Reading checks the document
 * more strictly than dimod: counts that contradict the arrays mean a corrupt file and are errors.
 */
public final class BqmJson {
  private BqmJson() {}

  /** The model in the file (gzip is recognised by its magic bytes). */
  public static Qubo read(Path file) {
    return read(Sources.text(file), Sources.name(file));
  }

  /** The model in the stream (gzip is recognised by its magic bytes). */
  public static Qubo read(InputStream in, String source) {
    return read(Sources.text(in, source), source);
  }

  /** The model in the reader's text. */
  public static Qubo read(Reader in, String source) {
    return read(Sources.text(in, source), source);
  }

  static Qubo read(String text, String source) {
    return BqmJsonReader.read(text, source);
  }

  /** The model as one line of JSON, keys in dimod's order. */
  public static String write(Qubo qubo) {
    StringWriter sw = new StringWriter();
    write(qubo, sw);
    return sw.toString();
  }

  /** Writes the model as one line of JSON; the writer is flushed, not closed. */
  public static void write(Qubo q, Writer out) {
    try (JsonGenerator g = JsonDoc.MAPPER.createGenerator(out)) {
      g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
      int n = q.numVariables();
      g.writeStartObject();
      g.writeStringField("type", "BinaryQuadraticModel");
      g.writeObjectFieldStart("version");
      g.writeStringField("bqm_schema", "3.0.0");
      g.writeEndObject();
      g.writeBooleanField("use_bytes", false);
      g.writeStringField("index_type", "int32");
      g.writeStringField("bias_type", "float64");
      g.writeNumberField("num_variables", n);
      g.writeNumberField("num_interactions", q.numInteractions());
      g.writeFieldName("variable_labels");
      writeLabels(g, q.labels());
      g.writeStringField("variable_type", q.vartype().name());
      g.writeNumberField("offset", q.offset());
      g.writeObjectFieldStart("info");
      g.writeEndObject();
      g.writeArrayFieldStart("linear_biases");
      for (int i = 0; i < n; i++) {
        g.writeNumber(q.linear(i));
      }
      g.writeEndArray();
      g.writeArrayFieldStart("quadratic_biases");
      q.forEachInteraction((i, j, bias) -> number(g, bias));
      g.writeEndArray();
      g.writeArrayFieldStart("quadratic_head");
      q.forEachInteraction((i, j, bias) -> number(g, i));
      g.writeEndArray();
      g.writeArrayFieldStart("quadratic_tail");
      q.forEachInteraction((i, j, bias) -> number(g, j));
      g.writeEndArray();
      g.writeEndObject();
    } catch (IOException | UncheckedIOException e) {
      throw new QpruneException("Cannot write the BQM JSON: " + e.getMessage(), e);
    }
  }

  /** Labels as dimod writes them: strings, integers, and tuples as arrays. */
  static void writeLabels(JsonGenerator g, List<?> labels) throws IOException {
    g.writeStartArray();
    for (Object l : labels) {
      if (l instanceof List<?> parts) {
        writeLabels(g, parts);
      } else if (l instanceof Number num) {
        g.writeNumber(num.longValue());
      } else {
        g.writeString(String.valueOf(l));
      }
    }
    g.writeEndArray();
  }

  private static void number(JsonGenerator g, double v) {
    try {
      g.writeNumber(v);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void number(JsonGenerator g, int v) {
    try {
      g.writeNumber(v);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
