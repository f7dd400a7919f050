package vn.khcn.workflow.outgoing;

import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.Set;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creates the outgoing series' counters of this year and the next ahead of time (at start-up and
 * every day), so the year's first numberings only increment an existing row.
 */
@Component
class OutgoingCountersAhead {

  private final OutgoingNumbering numbering;
  private final OutgoingProperties properties;
  private final Clock clock;

  OutgoingCountersAhead(OutgoingNumbering numbering, OutgoingProperties properties, Clock clock) {
    this.numbering = numbering;
    this.properties = properties;
    this.clock = clock;
  }

  @EventListener(ApplicationReadyEvent.class)
  @Scheduled(cron = "${khcn.numbering.counters-ahead-cron:0 5 0 * * *}",
      zone = "${khcn.time-zone:Asia/Ho_Chi_Minh}")
  @Transactional
  public void prepare() {
    Set<String> series = new LinkedHashSet<>();
    series.add(OutgoingProperties.REGULAR);
    series.add(OutgoingProperties.CLASSIFIED);
    for (OutgoingProperties.TypeSymbol type : properties.symbols()) {
      if (type.series() != null && !type.series().isBlank()) {
        series.add(type.series());
      }
    }
    int year = LocalDate.now(clock).getYear();
    for (String one : series) {
      numbering.ensureCounter(one, year);
      numbering.ensureCounter(one, year + 1);
    }
  }
}
