package vn.khcn.workflow.dispatch;

import jakarta.persistence.EntityManagerFactory;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * How many documents hold each word, estimated on PostgreSQL from about 1 % of the documents'
 * pages ({@code ts_stat} over {@code tablesample system (1)}, about 0.3 s at 1,000,000 documents),
 * read when first asked and again after {@link #FRESH}, by one request at a time: the others
 * meanwhile use the previous counts (or none, the very first time). The full-text prefilter of a
 * phrase uses its rarest words only (ADR 0037): ANDing every word makes the GIN index intersect
 * the long lists of common ones. Empty on H2 and on a table too small to sample: then every word
 * is used. With them, the frequencies of the commonest pairs of neighbouring words (ADR 0051),
 * which PostgreSQL's statistics already hold.
 */
@Component
class SearchWordFrequencies {

  static final Duration FRESH = Duration.ofHours(6);
  /** Percent of the table's pages sampled. */
  static final double PERCENT = 1;
  private static final Logger log = LoggerFactory.getLogger(SearchWordFrequencies.class);

  private record Read(Map<String, Integer> counts, Map<String, Integer> pairs, Instant at) {}

  private static final Read NONE = new Read(Map.of(), Map.of(), Instant.MIN);

  private final JdbcTemplate jdbc;
  private final Clock clock;
  private final boolean postgres;
  private final AtomicBoolean sampling = new AtomicBoolean();
  private volatile Read read;

  SearchWordFrequencies(DataSource dataSource, EntityManagerFactory entities, Clock clock) {
    this.jdbc = new JdbcTemplate(dataSource);
    this.clock = clock;
    this.postgres = DocumentTextMatch.postgres(entities);
  }

  /** The sampled number of documents holding each word; empty where nothing was sampled. */
  Map<String, Integer> counts() {
    return current().counts();
  }

  /**
   * Rows per million holding each of the commonest pairs of neighbouring words, documents' and
   * attachments' added up (ADR 0051), as PostgreSQL's statistics of the V46 indexes list them
   * (analysed with the tables); empty before those statistics exist and on H2.
   */
  Map<String, Integer> pairs() {
    return current().pairs();
  }

  private Read current() {
    if (!postgres) {
      return NONE;
    }
    Read current = read;
    Instant now = clock.instant();
    if ((current == null || current.at().plus(FRESH).isBefore(now))
        && sampling.compareAndSet(false, true)) {
      try {
        current = new Read(sample(PERCENT), pairFrequencies(), now);
        read = current;
      } finally {
        sampling.set(false);
      }
    }
    return current == null ? NONE : current;
  }

  /** The commonest pairs' frequencies from {@code pg_stats} of the pairs indexes (PostgreSQL). */
  Map<String, Integer> pairFrequencies() {
    Map<String, Integer> frequencies = new HashMap<>();
    try {
      jdbc.query("select e.pair, round(sum(e.frequency) * 1000000) from pg_stats s,"
          + " unnest(s.most_common_elems::text::text[], s.most_common_elem_freqs)"
          + " as e(pair, frequency) where s.schemaname = current_schema() and s.tablename in"
          + " ('ix_incoming_document_search_pairs', 'ix_attachment_text_search_pairs')"
          + " and e.pair is not null group by e.pair",
          rs -> {
            frequencies.put(rs.getString(1), rs.getInt(2));
          });
    } catch (RuntimeException e) {
      log.warn("Search pair frequencies not read: {}", e.getMessage());
    }
    return Map.copyOf(frequencies);
  }

  /** Documents holding each word among {@code percent} of the table's pages (PostgreSQL). */
  Map<String, Integer> sample(double percent) {
    Map<String, Integer> counts = new HashMap<>();
    try {
      jdbc.query("select word, ndoc from ts_stat('select to_tsvector(''simple'', search_text)"
          + " from incoming_document tablesample system (" + percent + ")')",
          rs -> {
            counts.put(rs.getString(1), rs.getInt(2));
          });
    } catch (RuntimeException e) {
      // the prefilter then uses every word, as before: slower, never wrong
      log.warn("Search word frequencies not sampled: {}", e.getMessage());
    }
    return Map.copyOf(counts);
  }
}
