package vn.khcn.workflow.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The geometry of the server-drawn bar charts. */
class ChartsTest {

  @Test
  void columnsAreAsHighAsTheirValuesOnOneBaseline() {
    Charts.Chart chart = Charts.columns("c", "Theo tuần", List.of(new Charts.Bar("01/06",
        "Tuần từ 01/06/2026", 4), new Charts.Bar("08/06", "Tuần từ 08/06/2026", 2),
        new Charts.Bar("15/06", "Tuần từ 15/06/2026", 0)), " văn bản");
    List<Charts.Shape> bars = chart.bars();
    assertThat(bars).hasSize(3);
    assertThat(bars.get(0).height()).isEqualTo(2 * bars.get(1).height());
    assertThat(bars.get(2).height()).isZero();
    bars.forEach(b -> assertThat(b.y() + b.height()).isEqualTo(chart.axisY()));
    assertThat(bars.get(0).x()).isLessThan(bars.get(1).x());
    assertThat(bars.get(1).title()).isEqualTo("Tuần từ 08/06/2026: 2 văn bản");
    assertThat(chart.empty()).isFalse();
  }

  @Test
  void rowsOfAPercentageFillTheirLengthAtOneHundredAndShowADashWithoutANumber() {
    Charts.Chart chart = Charts.rows("r", "Tỷ lệ", List.of(new Charts.Bar("A", "A", 100),
        new Charts.Bar("B", "B", 33.3), new Charts.Bar("C", "C", 0, "–")), 100d, "%");
    List<Charts.Shape> bars = chart.bars();
    assertThat(bars.get(1).width()).isEqualTo(Math.round(bars.get(0).width() * 0.333 * 10) / 10d);
    assertThat(bars.get(1).valueText()).isEqualTo("33,3%");
    assertThat(bars.get(2).valueText()).isEqualTo("–");
    assertThat(bars.get(2).width()).isZero();
    assertThat(bars.get(0).x() + bars.get(0).width()).isLessThan(chart.width());
    assertThat(bars.get(1).y()).isGreaterThan(bars.get(0).y());
    assertThat(Charts.rows("e", "Trống", List.of(new Charts.Bar("A", "A", 0)), null, "").empty())
        .isTrue();
  }
}
