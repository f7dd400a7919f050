package vn.khcn.workflow.shared.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Map;
import java.util.Random;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.junit.jupiter.api.Test;

/** A composed view fits the engine's string column; short lines and headings stay whole. */
class ViewTextTest {

  @Test
  void aTextThatFitsIsLeftAsItIs() {
    String text = "Số đến: 12/2026\n" + "x".repeat(3980);
    assertThat(ViewText.fit(text)).isSameAs(text);
    assertThat(ViewText.fit(null)).isNull();
  }

  @Test
  void theLongestLinesAreShortenedAlikeAndEveryHeadingStays() {
    String text = String.join("\n", "Số đến: 12/2026 – ngày đến 01/12/2026",
        "Trích yếu: Về việc triển khai kế hoạch", "",
        "Ý kiến chỉ đạo (Giám đốc, 02/12/2026 08:00):", "Chỉ đạo. ".repeat(400),
        "Kết quả xử lý – Phòng Quản lý khoa học (cv.qlkh, 03/12/2026 09:00):",
        "Kết quả. ".repeat(300), "Kết quả xử lý – Văn phòng (cv.vp, 03/12/2026 10:00):",
        "Ngắn gọn.");
    String fitted = ViewText.fit(text);

    assertThat(fitted.length()).isLessThanOrEqualTo(Variable.MAX_TEXT).isGreaterThan(3800);
    assertThat(fitted).endsWith(ViewText.NOTE);
    String[] lines = fitted.substring(0, fitted.length() - ViewText.NOTE.length()).split("\n");
    assertThat(lines).hasSize(9).contains("Số đến: 12/2026 – ngày đến 01/12/2026",
        "Ý kiến chỉ đạo (Giám đốc, 02/12/2026 08:00):", "Ngắn gọn.",
        "Kết quả xử lý – Văn phòng (cv.vp, 03/12/2026 10:00):");
    assertThat(lines[4]).startsWith("Chỉ đạo. Chỉ đạo.").endsWith("…");
    assertThat(lines[6]).startsWith("Kết quả. ").endsWith("…");
    assertThat(Math.abs(lines[4].length() - lines[6].length()))
        .as("both long paragraphs cut to the same length").isLessThanOrEqualTo(1);
  }

  @Test
  void tooManyLinesLeaveTheLastOnesOut() {
    String text = String.join("\n", java.util.Collections.nCopies(600, "Dòng thứ n của nhật ký."));
    String fitted = ViewText.fit(text);
    assertThat(fitted.length()).isLessThanOrEqualTo(Variable.MAX_TEXT);
    assertThat(fitted).startsWith("Dòng thứ n của nhật ký.\nDòng thứ n").endsWith(ViewText.NOTE);
    assertThat(Arrays.stream(fitted.split("\n")).filter(l -> l.startsWith("Dòng")))
        .allMatch(l -> l.equals("Dòng thứ n của nhật ký."));
  }

  @Test
  void anyTextFitsAndNoCharacterIsCutInHalf() {
    Random random = new Random(42);
    String[] pieces = {"Ý kiến ", "đã xử lý ", "\n", "😀", "Tiếng Việt có dấu ", "\n\n",
        "x".repeat(500)};
    for (int round = 0; round < 300; round++) {
      StringBuilder text = new StringBuilder();
      int parts = random.nextInt(2000);
      for (int i = 0; i < parts; i++) {
        text.append(pieces[random.nextInt(pieces.length)]);
      }
      String fitted = ViewText.fit(text.toString(), 1000 + random.nextInt(3000));
      assertThat(fitted.length()).isLessThanOrEqualTo(4000);
      assertThat(fitted.codePoints().noneMatch(c -> c >= 0xD800 && c <= 0xDFFF))
          .as("no lone half of a pair").isTrue();
    }
  }

  @Test
  void aViewVariableIsWrittenFitted() {
    RecordingScope recorded = new RecordingScope();
    VariableScope scope = recorded.scope;
    Map<String, Object> written = recorded.written;
    Variable<String> view = Variable.view("documentView");
    view.setLocal(scope, "Dòng đầu\n" + "Rất dài. ".repeat(1000));
    assertThat((String) written.get("setVariableLocal:documentView"))
        .hasSizeLessThanOrEqualTo(Variable.MAX_TEXT).startsWith("Dòng đầu\nRất dài.")
        .endsWith(ViewText.NOTE);
    view.set(scope, "Ngắn.");
    assertThat(written).containsEntry("setVariable:documentView", "Ngắn.");
    Variable.serverText("summary").setLocal(scope, "Rất dài. ".repeat(1000));
    assertThat((String) written.get("setVariableLocal:summary"))
        .as("other variables are written as they are").hasSize(9000);
  }
}
