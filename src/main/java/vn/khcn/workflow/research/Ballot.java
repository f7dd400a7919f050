package vn.khcn.workflow.research;

import java.util.Arrays;

/** One member's scores, criterion by criterion, in the order of {@link Criteria#ALL}. */
record Ballot(String member, int[] scores) {

  public int total() {
    return Arrays.stream(scores).sum();
  }
}
