package vn.khcn.workflow.dispatch;

import org.springframework.stereotype.Component;
import vn.khcn.workflow.shared.jdbc.PlannedEachTime;

/**
 * The document search's statements are planned by PostgreSQL for their values at every execution
 * (ADR 0039). Planned without them, a text match cannot be judged (a {@code like} parameter is
 * unknown) and PostgreSQL chose, after five searches on a connection, to read every document of
 * a date range and sort it (36 ms) where the plan for the values walks the order index and stops
 * after the page (8 ms). The statements are those reading {@code incoming_document} with a
 * {@code like} or a {@code strpos} (the text match, its samples and ids, an issuer; ADR 0050) or
 * a range of arrival dates.
 */
@Component
class DocumentSearchPlans implements PlannedEachTime {

  @Override
  public boolean test(String sql) {
    return sql.contains("incoming_document") && (sql.contains(" like ")
        || sql.contains("strpos(") || sql.contains("received_on>=")
        || sql.contains("received_on<="));
  }
}
