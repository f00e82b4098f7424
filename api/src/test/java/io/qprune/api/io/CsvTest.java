package io.qprune.api.io;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CsvTest {
  @Test
  void quotesOnlyCellsThatNeedIt() {
    assertThat(Csv.cell("hybrid+tt-all")).isEqualTo("hybrid+tt-all");
    assertThat(Csv.cell("learned fit, round 2")).isEqualTo("\"learned fit, round 2\"");
    assertThat(Csv.cell("a \"b\"")).isEqualTo("\"a \"\"b\"\"\"");
    assertThat(Csv.cell("two\nlines")).isEqualTo("\"two\nlines\"");
  }
}
