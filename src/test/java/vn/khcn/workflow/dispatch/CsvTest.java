package vn.khcn.workflow.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CsvTest {

  @Test
  void quotesAndDefusesFormulas() {
    StringBuilder out = new StringBuilder();
    Csv.row(out, "114/2026", "Thành ủy \"Cần Thơ\", TP", null, "=HYPERLINK(\"x\")");
    assertThat(out.toString())
        .isEqualTo("\"114/2026\",\"Thành ủy \"\"Cần Thơ\"\", TP\",,\"'=HYPERLINK(\"\"x\"\")\"\r\n");
  }
}
