package vn.khcn.workflow.interop;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RecentIdsTest {

  @Test
  void keepsAtMostItsCapacityDroppingTheLeastRecentlyUsed() {
    RecentIds<Long> ids = new RecentIds<>(3);
    ids.add(1L);
    ids.add(2L);
    ids.add(3L);
    assertThat(ids.contains(1L)).isTrue(); // 1 used again: 2 is now the eldest
    ids.add(4L);
    assertThat(ids.size()).isEqualTo(3);
    assertThat(ids.contains(2L)).isFalse();
    assertThat(ids.contains(1L)).isTrue();
    assertThat(ids.contains(3L)).isTrue();
    assertThat(ids.contains(4L)).isTrue();
  }
}
