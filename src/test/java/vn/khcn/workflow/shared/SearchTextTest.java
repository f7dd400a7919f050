package vn.khcn.workflow.shared;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import vn.khcn.workflow.shared.text.SearchText;

class SearchTextTest {

  @Test
  void foldsDiacriticsCaseAndSpaces() {
    assertThat(SearchText.fold("  Thành ủy   Cần Thơ ")).isEqualTo("thanh uy can tho");
    assertThat(SearchText.fold("ĐẢNG CỘNG SẢN Việt Nam")).isEqualTo("dang cong san viet nam");
    assertThat(SearchText.fold("Tăng cường sự lãnh đạo")).isEqualTo(SearchText.fold("tang cuong su lanh dao"));
  }

  @Test
  void likePatternEscapesWildcards() {
    assertThat(SearchText.likePattern("50%_x\\")).isEqualTo("%50\\%\\_x\\\\%");
    assertThat(SearchText.likePattern("Trí thức")).isEqualTo("%tri thuc%");
  }

  @Test
  void joinsFieldsSkippingEmptyOnes() {
    assertThat(SearchText.of("Công văn", null, "", "1143-CV/TU")).isEqualTo("cong van | 1143-cv/tu");
  }
}
