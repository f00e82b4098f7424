package io.qprune.api.io;

import com.fasterxml.jackson.core.JsonGenerator;
import io.qprune.api.InvalidInputException;
import io.qprune.api.QpruneException;
import io.qprune.api.SampleSet;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.file.Path;

/**
 * dimod's SampleSet JSON ({@code SampleSet.to_serializable()}), written as schema 3.2.0 with
 * samples packed into uint32 words, and read from any 3.x schema, packed or not.
 *
 * <p>The {@code info} object carries the {@link io.qprune.api.SolveInfo}. Vectors other than
 * {@code energy} and {@code num_occurrences} (such as D-Wave's chain break fractions) are
 * ignored on reading. Rows are ordered by energy, as every {@link SampleSet} is.
 */
public final class SampleSetJson {
  private SampleSetJson() {}

  /** The sample set in the file (gzip is recognised by its magic bytes). */
  public static SampleSet read(Path file) {
    return read(Sources.text(file), Sources.name(file));
  }

  /** The sample set in the stream (gzip is recognised by its magic bytes). */
  public static SampleSet read(InputStream in, String source) {
    return read(Sources.text(in, source), source);
  }

  /** The sample set in the reader's text. */
  public static SampleSet read(Reader in, String source) {
    return read(Sources.text(in, source), source);
  }

  static SampleSet read(String text, String source) {
    return SampleSetJsonReader.read(text, source);
  }

  /** The sample set as one line of JSON, keys in dimod's order. */
  public static String write(SampleSet s) {
    StringWriter sw = new StringWriter();
    write(s, sw);
    return sw.toString();
  }

  /** Writes the sample set as one line of JSON; the writer is flushed, not closed. */
  public static void write(SampleSet s, Writer out) {
    int n = s.numVariables();
    int rows = s.size();
    int words = (n + 31) >>> 5;
    try (JsonGenerator g = JsonDoc.MAPPER.createGenerator(out)) {
      g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
      g.writeStartObject();
      g.writeStringField("type", "SampleSet");
      g.writeObjectFieldStart("version");
      g.writeStringField("sampleset_schema", "3.2.0");
      g.writeEndObject();
      g.writeNumberField("num_variables", n);
      g.writeNumberField("num_rows", rows);
      g.writeObjectFieldStart("sample_data");
      g.writeStringField("type", "array");
      g.writeArrayFieldStart("data");
      for (int r = 0; r < rows; r++) {
        g.writeStartArray();
        for (int w = 0; w < words; w++) {
          long word = 0;
          for (int k = 0; k < 32 && 32 * w + k < n; k++) {
            word |= s.bit(r, 32 * w + k) ? 1L << k : 0;
          }
          g.writeNumber(word);
        }
        g.writeEndArray();
      }
      g.writeEndArray();
      g.writeStringField("data_type", "uint32");
      shape(g, rows, words);
      g.writeBooleanField("use_bytes", false);
      g.writeEndObject();
      g.writeStringField("sample_type", "int8");
      g.writeBooleanField("sample_packed", true);
      g.writeObjectFieldStart("vectors");
      g.writeObjectFieldStart("energy");
      g.writeStringField("type", "array");
      g.writeArrayFieldStart("data");
      for (int r = 0; r < rows; r++) {
        writeEnergy(g, s.energy(r), r);
      }
      g.writeEndArray();
      g.writeStringField("data_type", "float64");
      shape(g, rows);
      g.writeBooleanField("use_bytes", false);
      g.writeEndObject();
      g.writeObjectFieldStart("num_occurrences");
      g.writeStringField("type", "array");
      g.writeArrayFieldStart("data");
      for (int r = 0; r < rows; r++) {
        g.writeNumber(s.count(r));
      }
      g.writeEndArray();
      g.writeStringField("data_type", "int64");
      shape(g, rows);
      g.writeBooleanField("use_bytes", false);
      g.writeEndObject();
      g.writeEndObject();
      g.writeFieldName("variable_labels");
      BqmJson.writeLabels(g, s.labels());
      g.writeStringField("variable_type", s.vartype().name());
      g.writeFieldName("info");
      SolveInfoJson.write(g, s.info());
      g.writeEndObject();
    } catch (IOException e) {
      throw new QpruneException("Cannot write the sample set JSON: " + e.getMessage(), e);
    }
  }

  /** Schema 3.2.0 writes whole-number floats as integers ({@code 0}, not {@code 0.0}). */
  private static void writeEnergy(JsonGenerator g, double e, int row) throws IOException {
    if (!Double.isFinite(e)) {
      throw new InvalidInputException("Energy of sample row " + row + " is " + e
          + ", which JSON cannot represent; drop the row or fix the solver that produced it");
    }
    if (e != Math.rint(e)) {
      g.writeNumber(e);
    } else if (Math.abs(e) < 0x1p62) {
      g.writeNumber((long) e);
    } else {
      g.writeNumber(new BigDecimal(e).toBigInteger());
    }
  }

  private static void shape(JsonGenerator g, int... dims) throws IOException {
    g.writeArrayFieldStart("shape");
    for (int d : dims) {
      g.writeNumber(d);
    }
    g.writeEndArray();
  }
}
