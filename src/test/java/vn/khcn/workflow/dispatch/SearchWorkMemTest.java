package vn.khcn.workflow.dispatch;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** khcn.search.work-mem (ADR 0050) is checked when the search is made, not at each search. */
class SearchWorkMemTest {

  @Test
  void anAmountOfMemoryAsPostgresWritesItIsTaken() {
    for (String amount : new String[] {"16MB", "8192kB", "1GB"}) {
      assertThatCode(() -> new DocumentSearch(null, null, null, null, amount)).as(amount)
          .doesNotThrowAnyException();
    }
  }

  @Test
  void anythingElseStopsTheStartWithTheSettingsName() {
    for (String bad : new String[] {"16", "16 MB", "0MB", "lots", "16MB'; drop table x; --", ""}) {
      assertThatThrownBy(() -> new DocumentSearch(null, null, null, null, bad)).as(bad)
          .isInstanceOf(IllegalStateException.class).hasMessageContaining("SEARCH_WORK_MEM");
    }
  }
}
