package vn.khcn.workflow.dispatch;

/** Incoming-number series: one per calendar year each, classified documents apart. */
enum NumberSeries {
  REGULAR,
  CLASSIFIED
}
