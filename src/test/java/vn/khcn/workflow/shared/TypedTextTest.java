package vn.khcn.workflow.shared;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import vn.khcn.workflow.shared.text.ComparisonKey;
import vn.khcn.workflow.shared.text.TypedText;

class TypedTextTest {

  @Test
  void typedTextIsComposedAndStripped() {
    String decomposed = "Thu\u0309y\u0309 le\u0302\u0323";
    assertThat(TypedText.normalize("  " + decomposed + "\n")).isEqualTo("Thủỷ lệ");
    assertThat(TypedText.problem("Công văn số 15\nngày 2/9")).isEmpty();
  }

  @Test
  void refusesWhatNoPersonTypes() {
    assertThat(TypedText.problem("Sở\u0007 KHCN")).hasValueSatisfying(
        p -> assertThat(p).contains("điều khiển").contains("0007"));
    assertThat(TypedText.problem("Hóa đơn \u202Efdp.exe")).hasValueSatisfying(
        p -> assertThat(p).contains("đảo chiều").contains("202E"));
    assertThat(TypedText.problem("a\u2066b")).isPresent();
    assertThat(TypedText.problem("\u200B\u200D\uFEFF")).hasValueSatisfying(
        p -> assertThat(p).contains("vô hình"));
    assertThat(TypedText.problem("ab\uD800c")).hasValueSatisfying(
        p -> assertThat(p).contains("hỏng"));
    assertThat(TypedText.problem("ab\uDC00")).isPresent();
    assertThat(TypedText.problem("Báo cáo \uD83D\uDCC4")).as("a paired surrogate").isEmpty();
  }

  @Test
  void comparisonKeyFoldsTonePlacementSpacesAndInvisibleCharacters() {
    assertThat(ComparisonKey.of("UỶ BAN NHÂN DÂN")).isEqualTo(ComparisonKey.of("Ủy ban nhân dân"));
    assertThat(ComparisonKey.of("Sở Tài nguyên và Nước, Thuỷ lợi"))
        .isEqualTo(ComparisonKey.of("Sở tài nguyên và nước, thủy lợi"));
    assertThat(ComparisonKey.of("Hoà Bình")).isEqualTo(ComparisonKey.of("Hòa Bình"));
    assertThat(ComparisonKey.of("Khoẻ")).isEqualTo(ComparisonKey.of("khỏe"));
    assertThat(ComparisonKey.of("Hoá chất")).isEqualTo("hóa chất");
    assertThat(ComparisonKey.of("Ủy\u00A0ban  \t nhân\u200B dân")).isEqualTo("ủy ban nhân dân");
    // decomposed input gives the same key
    assertThat(ComparisonKey.of("Thu\u0309y")).isEqualTo("thủy");
    // the same in both styles: left alone
    assertThat(ComparisonKey.of("Quý")).isEqualTo("quý");
    assertThat(ComparisonKey.of("Hoàn thành")).isEqualTo("hoàn thành");
    assertThat(ComparisonKey.of("thuyết")).isEqualTo("thuyết");
    assertThat(ComparisonKey.of("khoẻo")).isEqualTo("khoẻo");
    assertThat(ComparisonKey.of("Hòa")).isNotEqualTo(ComparisonKey.of("Hỏa"));
  }
}
