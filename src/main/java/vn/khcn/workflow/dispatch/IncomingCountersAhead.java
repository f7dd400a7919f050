package vn.khcn.workflow.dispatch;

import java.time.Clock;
import java.time.LocalDate;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creates the incoming counters of this year and the next ahead of time (at start-up and every
 * day), so the first registrations of a year only increment an existing row instead of racing
 * to create it. The allocator still creates a missing row itself (a clock set elsewhere).
 */
@Component
class IncomingCountersAhead {

  private final IncomingNumberAllocator allocator;
  private final Clock clock;

  IncomingCountersAhead(IncomingNumberAllocator allocator, Clock clock) {
    this.allocator = allocator;
    this.clock = clock;
  }

  @EventListener(ApplicationReadyEvent.class)
  @Scheduled(cron = "${khcn.numbering.counters-ahead-cron:0 5 0 * * *}",
      zone = "${khcn.time-zone:Asia/Ho_Chi_Minh}")
  @Transactional
  public void prepare() {
    int year = LocalDate.now(clock).getYear();
    for (NumberSeries series : NumberSeries.values()) {
      allocator.ensureCounter(series, year);
      allocator.ensureCounter(series, year + 1);
    }
  }
}
