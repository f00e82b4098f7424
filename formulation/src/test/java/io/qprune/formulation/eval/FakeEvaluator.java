package io.qprune.formulation.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

/**
 * A tiny external evaluator for the protocol tests (no PyTorch): 6 units, a mask's value is its
 * weighted count of kept units (weight i + 1).
 */
public final class FakeEvaluator {
  private FakeEvaluator() {}

  public static void main(String[] args) throws java.io.IOException {
    ObjectMapper json = new ObjectMapper();
    System.err.println("fake evaluator starting");
    System.out.println("{\"ready\": true, \"units\": 6, \"metric\": \"weight\", \"goal\": \"max\", \"unit_ids\": [\"a:0\",\"a:1\",\"a:2\",\"b:0\",\"b:1\",\"b:2\"]}");
    System.out.flush();
    BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    for (String line = in.readLine(); line != null; line = in.readLine()) {
      JsonNode req = json.readTree(line);
      long id = req.get("id").asLong();
      StringBuilder vals = new StringBuilder();
      for (JsonNode m : req.get("masks")) {
        double v = 0;
        for (int i = 0; i < m.size(); i++) {
          v += (i + 1) * m.get(i).asInt();
        }
        vals.append(vals.length() == 0 ? "" : ",").append(v);
      }
      System.out.println("{\"id\": " + id + ", \"values\": [" + vals + "]}");
      System.out.flush();
    }
    System.err.println("fake evaluator: end of input");
  }
}
