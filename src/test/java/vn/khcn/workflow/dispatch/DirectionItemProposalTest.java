package vn.khcn.workflow.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The proposed direction items always fit the direction form's field (4,000 characters). */
class DirectionItemProposalTest {

  static String line(int label, String units) {
    return label + " | " + units + " |  |  |  |";
  }

  @Test
  void aFewItemsKeepTheirTextsUpTo200Characters() {
    String text = DirectionItemSteps.proposalText(
        List.of(line(1, "phong-qlkh | "), line(2, "van-phong | phong-khtc")),
        List.of("Ngắn gọn.", "Dài ".repeat(100)));
    assertThat(text).isEqualTo(line(1, "phong-qlkh | ") + "\n# 1- Ngắn gọn.\n"
        + line(2, "van-phong | phong-khtc") + "\n# 2- " + "Dài ".repeat(100).substring(0, 199)
        + "…\n");
  }

  @Test
  void itemLinesThatCannotAllFitAreNamedAsLeftOut() {
    List<String> lines = new ArrayList<>();
    List<String> texts = new ArrayList<>();
    String everyUnit = "phong-qlkh | phong-khtc, phong-qlcn, phong-tdc, van-phong, thanh-tra, "
        + "phong-chuyen-doi-so, trung-tam-ung-dung";
    for (int i = 1; i <= DocumentItems.MAX_ITEMS; i++) {
      lines.add(line(i, everyUnit));
      texts.add("Nội dung mục " + i);
    }
    String text = DirectionItemSteps.proposalText(lines, texts);

    assertThat(text.length()).isLessThanOrEqualTo(DirectionItemRules.MAX_LENGTH);
    List<String> itemLines = text.lines().filter(l -> !l.startsWith("#")).toList();
    assertThat(itemLines).hasSizeBetween(25, 49).allMatch(lines::contains);
    assertThat(itemLines.get(0)).isEqualTo(lines.get(0));
    assertThat(text).endsWith(DirectionItemSteps.LEFT_OUT_NOTE.formatted(
        DocumentItems.MAX_ITEMS - itemLines.size()));
  }
}
