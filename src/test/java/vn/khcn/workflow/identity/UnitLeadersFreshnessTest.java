package vn.khcn.workflow.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.Test;

/**
 * Another node of a cluster changes the unit leaders in the shared table (ADR 0037): this node
 * keeps answering from its read of the table for at most {@link UnitLeaders#FRESH_NANOS}, then
 * reads the change; within that time the table is read once, however often a unit is asked about.
 */
class UnitLeadersFreshnessTest {

  final UnitLeaderRepository table = mock(UnitLeaderRepository.class);
  final AtomicLong now = new AtomicLong(1_000_000_000L);
  final UnitLeaders leaders = new UnitLeaders(table, mock(IdentityService.class), now::get);

  @Test
  void aChangeMadeOnAnotherNodeIsSeenOnceTheReadIsOlderThanItsFreshness() {
    when(table.findAll()).thenReturn(List.of(
        new UnitLeader(Groups.PHONG_QLKH, "tp.qlkh", UnitLeader.Role.HEAD, "admin")));
    assertThat(leaders.headOf(Groups.PHONG_QLKH)).contains("tp.qlkh");

    // the other node names a new head: the table now says so
    when(table.findAll()).thenReturn(List.of(
        new UnitLeader(Groups.PHONG_QLKH, "pp.qlkh", UnitLeader.Role.HEAD, "admin")));
    now.addAndGet(UnitLeaders.FRESH_NANOS);
    assertThat(leaders.headOf(Groups.PHONG_QLKH)).as("still within the freshness")
        .contains("tp.qlkh");
    assertThat(leaders.leads("tp.qlkh", Groups.PHONG_QLKH)).isTrue();
    verify(table, times(1)).findAll();

    now.addAndGet(1);
    assertThat(leaders.headOf(Groups.PHONG_QLKH)).as("read again").contains("pp.qlkh");
    assertThat(leaders.leads("tp.qlkh", Groups.PHONG_QLKH)).isFalse();
    assertThat(leaders.unitsLedBy("pp.qlkh")).containsExactly(Groups.PHONG_QLKH);
    verify(table, times(2)).findAll();
  }
}
