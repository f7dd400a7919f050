package vn.khcn.workflow.dispatch;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.criteria.CommonAbstractCriteria;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.Expression;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;
import jakarta.persistence.criteria.Subquery;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.hibernate.dialect.PostgreSQLDialect;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.query.criteria.HibernateCriteriaBuilder;
import vn.khcn.workflow.shared.text.SearchText;

/**
 * How /documents matches its text (ADR 0025, 0036). The meaning is always the same: the folded
 * query is a contiguous part of the document's folded text or of one of its attachments' (a
 * {@code like '%…%'}). Only the way PostgreSQL finds the matches differs:
 * <ul>
 *   <li><b>common</b> text (at least {@link #COMMON} matches among the {@link #SAMPLE} newest
 *       documents and as many among the oldest, both read through the order index V39; a text
 *       of the last months only, such as "17/2026", may match fewer than the page's count cap
 *       in all, and a plain count would then read every document): a plain condition on each document, so the list walks the order index (V39)
 *       and stops after the page;
 *   <li><b>rare</b> text: the ids of the documents matching and of those whose attachments match
 *       are read once, each side narrowed by the full-text index (V40) on the query's whole words
 *       when it has any, else by the trigram index (V25), and checked with the exact
 *       {@code like}; at most {@link #KNOWN_IDS} of them become one array ({@code id = any(…)})
 *       that the page and its count both use (shape {@code IDS}), so the index search runs once per
 *       request; more than that keep the search as a subquery
 *       ({@code id in (… union all …)}, shape {@code ID_SET}).
 * </ul>
 * H2 has no sample and no full text: the {@code like} alone, in the rare shapes.
 */
final class DocumentTextMatch {

  /** Newest documents (in the list's order) read to judge whether a text is common. */
  static final int SAMPLE = 2000;
  /** Matches among them (1 %) from which the list walks the order index. */
  static final int COMMON = 20;

  /** Words of a phrase the full-text prefilter uses at most, when their frequencies are known. */
  static final int WORDS_USED = 3;

  /** Matching ids read into the query at most; beyond, the search stays a subquery. */
  static final int KNOWN_IDS = 2000;

  private static final Pattern WORD = Pattern.compile("[a-z0-9]+");

  enum Shape { PLAIN, IDS, ID_SET }

  private final String pattern;
  private final String prefilter;
  private final Shape shape;
  private final boolean postgres;
  private final List<Long> ids;

  private DocumentTextMatch(String pattern, String prefilter, Shape shape, boolean postgres,
      List<Long> ids) {
    this.pattern = pattern;
    this.prefilter = prefilter;
    this.shape = shape;
    this.postgres = postgres;
    this.ids = ids;
  }

  /** The match for a query, its shape chosen (on PostgreSQL) by a look at both ends of the list. */
  static DocumentTextMatch of(String query, EntityManager entities) {
    return of(query, entities, KNOWN_IDS, Map.of());
  }

  /**
   * As {@link #of(String, EntityManager)}, reading at most {@code knownIds} matching ids, the
   * full-text words chosen by their sampled {@code frequencies} (none: every word).
   */
  static DocumentTextMatch of(String query, EntityManager entities, int knownIds,
      Map<String, Integer> frequencies) {
    String pattern = SearchText.likePattern(query);
    boolean postgres = postgres(entities.getEntityManagerFactory());
    // the oldest end first: a text of recent documents only (a year, a new name, "17/2026") is
    // rare there, and one sample then decides
    if (postgres && sampled(entities, pattern, "asc") >= COMMON
        && sampled(entities, pattern, "desc") >= COMMON) {
      return new DocumentTextMatch(pattern, null, Shape.PLAIN, true, List.of());
    }
    String prefilter = postgres ? prefilter(SearchText.fold(query), frequencies) : null;
    List<Long> found = matchingIds(entities, pattern, prefilter, knownIds + 1);
    return found.size() > knownIds
        ? new DocumentTextMatch(pattern, prefilter, Shape.ID_SET, postgres, List.of())
        : new DocumentTextMatch(pattern, prefilter, Shape.IDS, postgres, found);
  }

  /**
   * The ids of the documents whose text or an attachment's text matches, at most {@code limit}:
   * each side through its own index, as the subquery shape reads them.
   */
  private static List<Long> matchingIds(EntityManager entities, String pattern, String prefilter,
      int limit) {
    String words = prefilter == null ? ""
        : "to_tsvector('simple', search_text) @@ to_tsquery('simple', :words) and ";
    var query = entities.createNativeQuery("select id from incoming_document where " + words
        + "search_text like :pattern escape '\\' union select document_id from attachment_text"
        + " where " + words + "search_text like :pattern escape '\\'", Long.class)
        .setParameter("pattern", pattern).setMaxResults(limit);
    if (prefilter != null) {
      query.setParameter("words", prefilter);
    }
    List<?> rows = query.getResultList();
    return rows.stream().map(r -> ((Number) r).longValue()).toList();
  }

  /** Matches among the {@link #SAMPLE} newest ("desc") or oldest ("asc") documents. */
  private static int sampled(EntityManager entities, String pattern, String direction) {
    String order = "doc_year %1$s, incoming_number %1$s, id %1$s".formatted(direction);
    return ((Number) entities.createNativeQuery("select count(*) from (select search_text"
            + " from incoming_document order by " + order + " limit " + SAMPLE + ") sampled"
            + " where search_text like :pattern escape '\\'")
        .setParameter("pattern", pattern).getSingleResult()).intValue();
  }

  Shape shape() {
    return shape;
  }

  /**
   * A {@code to_tsquery('simple', …)} that every text matching {@code like '%folded%'} also
   * matches, or null. Only words the {@code like} makes whole: a word between two others is
   * bounded by spaces in the text; a last word after another starts a token (as a prefix,
   * {@code word:*}), and is used only when there is no middle word. The first word may end a
   * longer token, a single word may sit inside one, and words with symbols ("15/skhcn") are
   * split differently by the parser: these are left to the trigram and the {@code like}.
   */
  static String prefilter(String folded) {
    return prefilter(folded, Map.of());
  }

  /**
   * As {@link #prefilter(String)}; with word {@code frequencies} (sampled document counts; a word
   * not sampled counts 0) a phrase with more than {@link #WORDS_USED} such words uses only that
   * many, the rarest, preferring words not next to one already chosen (neighbours often come
   * together, as "chịu mặn", and narrow less than their counts suggest).
   */
  static String prefilter(String folded, Map<String, Integer> frequencies) {
    String[] words = folded.split(" ");
    List<String> terms = new ArrayList<>();
    List<Integer> positions = new ArrayList<>();
    for (int i = 1; i < words.length - 1; i++) {
      if (WORD.matcher(words[i]).matches() && !terms.contains(words[i])) {
        terms.add(words[i]);
        positions.add(i);
      }
    }
    if (!frequencies.isEmpty() && terms.size() > WORDS_USED) {
      terms = rarest(terms, positions, frequencies);
    }
    String last = words[words.length - 1];
    if (terms.isEmpty() && words.length > 1 && WORD.matcher(last).matches()) {
      terms.add(last + ":*");
    }
    return terms.isEmpty() ? null : String.join(" & ", terms);
  }

  /** The {@link #WORDS_USED} rarest terms, apart from each other where possible, in text order. */
  private static List<String> rarest(List<String> terms, List<Integer> positions,
      Map<String, Integer> frequencies) {
    List<Integer> byRarity = new ArrayList<>();
    for (int i = 0; i < terms.size(); i++) {
      byRarity.add(i);
    }
    byRarity.sort(Comparator.comparingInt((Integer i) -> frequencies.getOrDefault(terms.get(i), 0))
        .thenComparingInt(i -> i));
    List<Integer> chosen = new ArrayList<>();
    for (int i : byRarity) {
      boolean apart = chosen.stream()
          .allMatch(c -> Math.abs(positions.get(c) - positions.get(i)) > 1);
      if (apart && chosen.size() < WORDS_USED) {
        chosen.add(i);
      }
    }
    for (int i : byRarity) {
      if (chosen.size() < WORDS_USED && !chosen.contains(i)) {
        chosen.add(i);
      }
    }
    chosen.sort(Comparator.naturalOrder());
    return chosen.stream().map(terms::get).toList();
  }

  /** The condition on the document {@code root} in the query {@code query}. */
  Predicate on(Root<IncomingDocument> root, CommonAbstractCriteria query, CriteriaBuilder cb) {
    if (shape == Shape.IDS) {
      // one array literal, not a parameter per id: with 908 ids PostgreSQL took 11-14 ms to plan
      // and walk an "in" list (3-4 ms the array), Hibernate 5-12 ms to render and bind it (2-4)
      return ids.isEmpty() ? cb.disjunction() : cb.isTrue(((HibernateCriteriaBuilder) cb).sql(
          "? = any(?)", Boolean.class, root.get("id"), cb.literal(ids.toArray(Long[]::new))));
    }
    if (shape == Shape.PLAIN) {
      // the document's own text as a plain condition, its attachments one by one (by document)
      Subquery<Long> inAttachment = query.subquery(Long.class);
      Root<AttachmentText> text = inAttachment.from(AttachmentText.class);
      inAttachment.select(text.get("documentId")).where(
          cb.equal(text.get("documentId"), root.get("id")),
          cb.like(text.get("searchText"), pattern, '\\'));
      return cb.or(cb.like(root.get("searchText"), pattern, '\\'), cb.exists(inAttachment));
    }
    // "id in (documents matching union all attachments matching)", not "like or exists": each
    // side reads its own index (ADR 0025); an OR with a subquery makes PostgreSQL filter every
    // document before it can stop
    Subquery<Long> inDocument = query.subquery(Long.class);
    Root<IncomingDocument> document = inDocument.from(IncomingDocument.class);
    inDocument.select(document.get("id")).where(matches(document.get("searchText"), cb));
    Subquery<Long> inAttachment = query.subquery(Long.class);
    Root<AttachmentText> text = inAttachment.from(AttachmentText.class);
    inAttachment.select(text.get("documentId")).where(matches(text.get("searchText"), cb));
    return root.get("id").in(((HibernateCriteriaBuilder) cb).unionAll(inDocument, inAttachment));
  }

  /** The exact like, narrowed first by the full-text index where the query has whole words. */
  private Predicate matches(Expression<String> searchText, CriteriaBuilder cb) {
    Predicate like = cb.like(searchText, pattern, '\\');
    if (!postgres || prefilter == null) {
      return like;
    }
    Expression<Boolean> words = ((HibernateCriteriaBuilder) cb).sql(
        "to_tsvector('simple', ?) @@ to_tsquery('simple', ?)", Boolean.class, searchText,
        cb.literal(prefilter));
    return cb.and(cb.isTrue(words), like);
  }

  /** Whether the documents live in PostgreSQL (full text, samples), from Hibernate's dialect. */
  static boolean postgres(EntityManagerFactory entities) {
    return entities.unwrap(SessionFactoryImplementor.class)
        .getJdbcServices().getDialect() instanceof PostgreSQLDialect;
  }
}
