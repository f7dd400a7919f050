package vn.khcn.workflow.interop;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RecentIdsTest {

  @Test
  void keepsAtMostItsCapacityDroppingTheLeastRecentlyUsed() {
    RecentIds ids = new RecentIds(3);
    ids.add(1);
    ids.add(2);
    ids.add(3);
    assertThat(ids.contains(1)).isTrue(); // 1 used again: 2 is now the eldest
    ids.add(4);
    assertThat(ids.size()).isEqualTo(3);
    assertThat(ids.contains(2)).isFalse();
    assertThat(ids.contains(1)).isTrue();
    assertThat(ids.contains(3)).isTrue();
    assertThat(ids.contains(4)).isTrue();
  }
}
