package vn.khcn.workflow.dispatch;

import java.sql.Connection;
import java.sql.Statement;
import org.springframework.stereotype.Component;

/**
 * Flyway V46 (ADR 0051): on PostgreSQL, GIN indexes on the pairs of neighbouring words of each
 * document's and each attachment's folded text ({@link #PAIRS_FUNCTION}). A word index cannot
 * tell whether a phrase's words stand next to each other, and a letter of 2,000 characters
 * holds most of a rare phrase's words somewhere: tens of thousands of candidate attachments
 * were read for a phrase found in a few hundred. Pairs of neighbours narrow it to the texts that
 * hold the phrase's inner words side by side, which are then checked with the exact test. A pair is two
 * words of letters and digits with one space between them and spaces on both sides, as the
 * inner words of a query stand in any text that contains it ({@link DocumentTextMatch#pairs}).
 * Nothing on H2, where the {@code like} alone searches.
 */
@Component
class V46__SearchWordPairsIndex extends PostgresOnlyMigration {

  /** The function the index and the search both call, by this name. */
  static final String PAIRS_FUNCTION = "search_word_pairs";

  /**
   * The text's words split at single spaces (a folded text has no other white space); each pair
   * of neighbours made only of letters and digits, in the text's order, repeats kept (the index
   * keeps a key once per row). A loop in PL/pgSQL: half the time of the same in SQL with a
   * window over the words (0.27 against 0.6 ms for a letter of 1,770 characters).
   */
  static final String CREATE_FUNCTION = "create or replace function " + PAIRS_FUNCTION
      + "(t text) returns text[] language plpgsql immutable strict parallel safe as $$"
      + " declare pairs text[] := '{}'; previous text; word text;"
      + " begin"
      + "  foreach word in array string_to_array(t, ' ') loop"
      + "   if word ~ '^[a-z0-9]+$' then"
      + "    if previous is not null then pairs := pairs || (previous || ' ' || word); end if;"
      + "    previous := word;"
      + "   else previous := null; end if;"
      + "  end loop;"
      + "  return pairs;"
      + " end $$";

  static final String INDEX_DOCUMENTS = "create index if not exists"
      + " ix_incoming_document_search_pairs on incoming_document using gin ("
      + PAIRS_FUNCTION + "(search_text))";

  static final String INDEX_ATTACHMENTS = "create index if not exists"
      + " ix_attachment_text_search_pairs on attachment_text using gin ("
      + PAIRS_FUNCTION + "(search_text))";

  @Override
  void migrate(Connection connection, Statement statement) throws Exception {
    statement.execute(CREATE_FUNCTION);
    statement.execute(INDEX_DOCUMENTS);
    statement.execute(INDEX_ATTACHMENTS);
    // the indexes' statistics name the commonest pairs, which a phrase then avoids
    statement.execute("analyze incoming_document");
    statement.execute("analyze attachment_text");
  }
}
