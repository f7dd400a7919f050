package vn.khcn.workflow.dispatch;

import jakarta.persistence.EntityManager;
import jakarta.persistence.criteria.CommonAbstractCriteria;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.Expression;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;
import jakarta.persistence.criteria.Subquery;
import java.util.ArrayList;
import java.util.List;
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
 *   <li><b>rare</b> text: {@code id in (documents matching union all attachments matching)}, each
 *       side narrowed by the full-text index (V40) on the query's whole words when it has any,
 *       else by the trigram index (V25), and then checked with the exact {@code like}.
 * </ul>
 * H2 keeps the {@code like} in the rare shape (no sample, no full text).
 */
final class DocumentTextMatch {

  /** Newest documents (in the list's order) read to judge whether a text is common. */
  static final int SAMPLE = 2000;
  /** Matches among them (1 %) from which the list walks the order index. */
  static final int COMMON = 20;

  private static final Pattern WORD = Pattern.compile("[a-z0-9]+");

  enum Shape { PLAIN, ID_SET }

  private final String pattern;
  private final String prefilter;
  private final Shape shape;
  private final boolean fullText;

  private DocumentTextMatch(String pattern, String prefilter, Shape shape, boolean fullText) {
    this.pattern = pattern;
    this.prefilter = prefilter;
    this.shape = shape;
    this.fullText = fullText;
  }

  /** The match for a query, its shape chosen (on PostgreSQL) by a look at both ends of the list. */
  static DocumentTextMatch of(String query, EntityManager entities) {
    String pattern = SearchText.likePattern(query);
    if (!postgres(entities)) {
      return new DocumentTextMatch(pattern, null, Shape.ID_SET, false);
    }
    Shape shape = sampled(entities, pattern, "desc") >= COMMON
        && sampled(entities, pattern, "asc") >= COMMON ? Shape.PLAIN : Shape.ID_SET;
    return new DocumentTextMatch(pattern, prefilter(SearchText.fold(query)), shape, true);
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
    String[] words = folded.split(" ");
    List<String> terms = new ArrayList<>();
    for (int i = 1; i < words.length - 1; i++) {
      if (WORD.matcher(words[i]).matches() && !terms.contains(words[i])) {
        terms.add(words[i]);
      }
    }
    String last = words[words.length - 1];
    if (terms.isEmpty() && words.length > 1 && WORD.matcher(last).matches()) {
      terms.add(last + ":*");
    }
    return terms.isEmpty() ? null : String.join(" & ", terms);
  }

  /** The condition on the document {@code root} in the query {@code query}. */
  Predicate on(Root<IncomingDocument> root, CommonAbstractCriteria query, CriteriaBuilder cb) {
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
    if (!fullText || prefilter == null) {
      return like;
    }
    Expression<Boolean> words = ((HibernateCriteriaBuilder) cb).sql(
        "to_tsvector('simple', ?) @@ to_tsquery('simple', ?)", Boolean.class, searchText,
        cb.literal(prefilter));
    return cb.and(cb.isTrue(words), like);
  }

  private static boolean postgres(EntityManager entities) {
    return entities.getEntityManagerFactory().unwrap(SessionFactoryImplementor.class)
        .getJdbcServices().getDialect() instanceof PostgreSQLDialect;
  }
}
