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
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
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
 *       in all, and a plain count would then read every document), or in at least
 *       {@link #ATTACHMENTS_COMMON} of the {@link #ATTACHMENT_SAMPLE} newest and oldest
 *       attachments (ADR 0050): a plain condition on each document and on its attachments, so the
 *       list walks the order index (V39) and stops after the page;
 *   <li><b>rare</b> text: the ids of the documents matching and of those whose attachments match
 *       are read once, each side narrowed by the full-text index (V40) on the query's whole words
 *       when it has any, else by the trigram index (V25), or by the index of pairs of neighbouring
 *       words (V46, ADR 0051) when the query has two inner words side by side, and checked with
 *       the exact {@code like}; at most {@link #KNOWN_IDS} of them become one array
 *       ({@code id = any(…)}) that the page and its count both use (shape {@code IDS}), so the
 *       index search runs once per request; more than that keep the search as a subquery
 *       ({@code id in (… union all …)}, shape {@code ID_SET}).
 * </ul>
 * H2 has no sample and no full text: the {@code like} alone, in the rare shapes, and beyond
 * {@link #KNOWN_IDS} matches in the plain one.
 */
final class DocumentTextMatch {

  /** Newest documents (in the list's order) read to judge whether a text is common. */
  static final int SAMPLE = 2000;
  /** Matches among them (1 %) from which the list walks the order index. */
  static final int COMMON = 20;

  /** Newest (and oldest) attachments read to judge whether a text is common in them. */
  static final int ATTACHMENT_SAMPLE = 500;
  /** Matches among them (1 %) from which the list walks the order index. */
  static final int ATTACHMENTS_COMMON = 5;

  /** Words of a phrase the full-text prefilter uses at most, when their frequencies are known. */
  static final int WORDS_USED = 3;

  /** Pairs of neighbouring words a phrase uses at most, when their frequencies are known. */
  static final int PAIRS_USED = 4;

  /**
   * Rows per million (both tables summed) from which a pair is left out while a rarer one
   * remains (ADR 0052): it narrows little and its list in the index is long (two pairs in every
   * letter, 4,339 candidates in 21 ms; two rare neighbours instead, 1,542 in 9 ms).
   */
  static final int COMMON_PAIR = 500_000;

  /**
   * Matching ids read into the query at most; beyond, the search stays a subquery. 10,000 (ADR
   * 0052; 2,000 before): a text rare in the samples is in under about 1 % of the texts; one in
   * 3,128 attachments read 2,001 ids, then every match again (13 + 30 ms; 20 + 9 read once).
   */
  static final int KNOWN_IDS = 10_000;

  private static final Pattern WORD = Pattern.compile("[a-z0-9]+");

  /**
   * The plain shape's test of one document's attachments (ADR 0050). {@code offset 0} keeps
   * PostgreSQL from turning the {@code exists} into a hashed set of every matching attachment:
   * it estimates a long {@code like} to match a few rows, and at 600,000 attachments, all
   * containing "khoa hoc va cong nghe", that set took 1.9 s to build before the page's first row
   * (the per-document test: 5 µs a document walked).
   */
  static final String ATTACHMENT_OF_DOCUMENT = "exists(select 1 from attachment_text t"
      + " where t.document_id = ? and t.search_text like ? escape '\\' offset 0)";

  /** A text's pairs of neighbouring words, as the indexes of V46 hold them. */
  static final String PAIRS_OF_TEXT = V46__SearchWordPairsIndex.PAIRS_FUNCTION + "(?)";

  enum Shape { PLAIN, IDS, ID_SET }

  private final String pattern;
  private final String folded;
  private final String prefilter;
  private final String pairs;
  private final Shape shape;
  private final boolean postgres;
  private final List<Long> ids;

  private DocumentTextMatch(String pattern, String folded, String prefilter, String pairs,
      Shape shape, boolean postgres, List<Long> ids) {
    this.pattern = pattern;
    this.folded = folded;
    this.prefilter = prefilter;
    this.pairs = pairs;
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
    return of(query, entities, knownIds, frequencies, Map.of(), null);
  }

  /**
   * As {@link #of(String, EntityManager, int, Map)}, the pairs of words chosen by their
   * {@code pairFrequencies} (ADR 0051; none: every pair); a rare text's index search on PostgreSQL
   * runs with {@code workMem} (for the rest of the transaction, which then reads the same
   * candidates again in the subquery shape): at the default 4MB the full-text bitmap of many
   * attachments went lossy, and every text on a lossy page was parsed again (ADR 0050: 19 s,
   * 0.4 s at 8MB). A common text's walk keeps the server's setting, under which its order-index
   * plans were made (more memory made PostgreSQL sort a whole date range instead: 23 → 238 ms).
   */
  static DocumentTextMatch of(String query, EntityManager entities, int knownIds,
      Map<String, Integer> frequencies, Map<String, Integer> pairFrequencies, String workMem) {
    String pattern = SearchText.likePattern(query);
    String folded = SearchText.fold(query);
    boolean postgres = postgres(entities.getEntityManagerFactory());
    // the oldest end first: a text of recent documents only (a year, a new name, "17/2026") is
    // rare there, and one sample then decides
    if (postgres && (sampled(entities, pattern, "asc") >= COMMON
        && sampled(entities, pattern, "desc") >= COMMON
        || commonInAttachments(entities, pattern))) {
      return new DocumentTextMatch(pattern, folded, null, null, Shape.PLAIN, true, List.of());
    }
    // the pairs, where the query has any, narrow in place of the words (ADR 0051)
    String pairs = postgres ? pairs(folded, pairFrequencies) : null;
    String prefilter = postgres && pairs == null ? prefilter(folded, frequencies) : null;
    if (postgres && workMem != null) {
      entities.createNativeQuery("select set_config('work_mem', :value, true)")
          .setParameter("value", workMem).getSingleResult();
    }
    List<Long> found = matchingIds(entities, pattern, folded, prefilter, pairs, knownIds + 1);
    // H2 runs "id in (… union all …)" again for each document (60 s at 10,025 matches)
    return found.size() > knownIds
        ? new DocumentTextMatch(pattern, folded, prefilter, pairs,
            postgres ? Shape.ID_SET : Shape.PLAIN, postgres, List.of())
        : new DocumentTextMatch(pattern, folded, prefilter, pairs, Shape.IDS, postgres,
            found.stream().distinct().toList());
  }

  /**
   * The ids of the documents whose text or an attachment's text matches, as many rows as
   * {@code limit} at most, each side through its own index, as the subquery shape reads them. A
   * document may come more than once (its text and an attachment, two attachments): {@code union
   * all}, so that PostgreSQL stops at the limit rather than first gathering every match to drop
   * the repeats (ADR 0050); fewer rows than the limit are all the matches.
   */
  private static List<Long> matchingIds(EntityManager entities, String pattern, String folded,
      String prefilter, String pairs, int limit) {
    String check = check(prefilter, pairs);
    var query = entities.createNativeQuery("select id from incoming_document where " + check
        + " union all select document_id from attachment_text where " + check, Long.class)
        .setMaxResults(limit);
    if (pairs != null) {
      query.setParameter("pairs", pairs).setParameter("folded", folded);
    } else if (prefilter != null) {
      query.setParameter("words", prefilter).setParameter("folded", folded);
    } else {
      query.setParameter("pattern", pattern);
    }
    List<?> rows = query.getResultList();
    return rows.stream().map(r -> ((Number) r).longValue()).toList();
  }

  /**
   * The condition on a {@code search_text} that {@link #matchingIds} reads: the exact test,
   * narrowed by the query's pairs of neighbouring words ({@code :pairs}, ADR 0051) or else its
   * whole words ({@code :words}), or the {@code like} alone ({@code :pattern}).
   */
  static String check(String prefilter, String pairs) {
    if (pairs != null) {
      return PAIRS_OF_TEXT.replace("?", "search_text") + " @> string_to_array(:pairs, ',')"
          + " and strpos(search_text, :folded) > 0";
    }
    return prefilter == null ? "search_text like :pattern escape '\\'"
        : "to_tsvector('simple', search_text) @@ to_tsquery('simple', :words)"
            + " and strpos(search_text, :folded) > 0";
  }

  /** Matches among the {@link #SAMPLE} newest ("desc") or oldest ("asc") documents. */
  private static int sampled(EntityManager entities, String pattern, String direction) {
    return sampled(entities, pattern, "incoming_document",
        "doc_year %1$s, incoming_number %1$s, id %1$s".formatted(direction), SAMPLE);
  }

  /** Matches among the first {@code size} rows of {@code table} in this {@code order}. */
  private static int sampled(EntityManager entities, String pattern, String table, String order,
      int size) {
    return ((Number) entities.createNativeQuery("select count(*) from (select search_text"
            + " from " + table + " order by " + order + " limit " + size + ") sampled"
            + " where search_text like :pattern escape '\\'")
        .setParameter("pattern", pattern).getSingleResult()).intValue();
  }

  /**
   * Whether the text is in at least {@link #ATTACHMENTS_COMMON} of the {@link #ATTACHMENT_SAMPLE}
   * newest attachments and as many of the oldest (ADR 0050): a phrase of the letters' bodies
   * ("dự toán được giao") then walks the list's order, each document's attachments tested as it
   * comes, rather than gathering tens of thousands of attachments (a phrase in 4.5 % of 600,000
   * took 6.8 s as a set, 41 ms walked, p95). Fewer attachments are sampled than documents: each
   * text is ten times longer to read.
   */
  private static boolean commonInAttachments(EntityManager entities, String pattern) {
    return sampled(entities, pattern, "attachment_text", "document_id asc", ATTACHMENT_SAMPLE)
        >= ATTACHMENTS_COMMON && sampled(entities, pattern, "attachment_text",
        "document_id desc", ATTACHMENT_SAMPLE) >= ATTACHMENTS_COMMON;
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
    List<String> terms = new ArrayList<>(inner(words, 1, frequencies, WORDS_USED,
        Integer.MAX_VALUE));
    String last = words[words.length - 1];
    if (terms.isEmpty() && words.length > 1 && WORD.matcher(last).matches()) {
      terms.add(last + ":*");
    }
    return terms.isEmpty() ? null : String.join(" & ", terms);
  }

  /**
   * The pairs of neighbouring inner words of a folded query, joined by commas, or null (ADR
   * 0051). Only the inner words are whole in a text that contains the query, each with one space
   * before and after it, as V46 takes a text's pairs; the first word may end a longer word and
   * the last begin one. Words with symbols are left out, and so are the pairs they break.
   */
  static String pairs(String folded) {
    return pairs(folded, Map.of());
  }

  /**
   * As {@link #pairs(String)}; with {@code frequencies} (rows per million holding a pair, from
   * the planner's statistics of the V46 indexes; a pair not among them counts 0) a phrase with
   * more than {@link #PAIRS_USED} pairs uses only that many, the rarest, preferring pairs that
   * share no word with one already chosen: the index then reads fewer long lists of common pairs
   * ("phoi hop", in every letter), 30 → 13 ms for a rare phrase's 2,355 candidates, the same
   * candidates. Pairs in half the texts or more ({@link #COMMON_PAIR}) are not chosen while a
   * rarer one remains, even one next to a pair already chosen (ADR 0052).
   */
  static String pairs(String folded, Map<String, Integer> frequencies) {
    List<String> pairs = inner(folded.split(" "), 2, frequencies, PAIRS_USED, COMMON_PAIR);
    return pairs.isEmpty() ? null : String.join(",", pairs);
  }

  /**
   * The runs of {@code width} neighbouring inner words made of letters and digits, each once,
   * in the text's order; the {@code used} rarest by {@code frequencies} if there are more, those
   * as frequent as {@code common} or more left out while a rarer one remains.
   */
  private static List<String> inner(String[] words, int width,
      Map<String, Integer> frequencies, int used, int common) {
    List<String> terms = new ArrayList<>();
    List<Integer> positions = new ArrayList<>();
    for (int i = 1; i + width < words.length; i++) {
      String[] run = Arrays.copyOfRange(words, i, i + width);
      String term = String.join(" ", run);
      if (Arrays.stream(run).allMatch(w -> WORD.matcher(w).matches())
          && !terms.contains(term)) {
        terms.add(term);
        positions.add(i);
      }
    }
    // the terms less common than "common", or all of them if none is
    List<Integer> kept = IntStream.range(0, terms.size())
        .filter(i -> frequencies.getOrDefault(terms.get(i), 0) < common).boxed().toList();
    if (kept.isEmpty()) {
      kept = IntStream.range(0, terms.size()).boxed().toList();
    }
    List<String> keptTerms = kept.stream().map(terms::get).toList();
    return frequencies.isEmpty() || keptTerms.size() <= used ? keptTerms
        : rarest(keptTerms, kept.stream().map(positions::get).toList(), frequencies, used);
  }

  /** The {@code used} rarest terms, apart from each other where possible, in text order. */
  private static List<String> rarest(List<String> terms, List<Integer> positions,
      Map<String, Integer> frequencies, int used) {
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
      if (apart && chosen.size() < used) {
        chosen.add(i);
      }
    }
    for (int i : byRarity) {
      if (chosen.size() < used && !chosen.contains(i)) {
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
      Expression<Boolean> inAttachment = ((HibernateCriteriaBuilder) cb).sql(
          ATTACHMENT_OF_DOCUMENT, Boolean.class, root.get("id"), cb.literal(pattern));
      return cb.or(cb.like(root.get("searchText"), pattern, '\\'), cb.isTrue(inAttachment));
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

  /**
   * The exact match, narrowed first by the index of pairs of neighbouring words (V46, ADR 0051)
   * or else by the full-text index where the query has whole words. Then the text is checked
   * with {@code strpos}, the same test as the {@code like '%…%'}, which no index serves (ADR
   * 0050): given a {@code like}, PostgreSQL read long attachments' trigrams and then parsed each
   * candidate's text again for the full-text words, 5 times slower.
   */
  private Predicate matches(Expression<String> searchText, CriteriaBuilder cb) {
    if (!postgres || prefilter == null && pairs == null) {
      return cb.like(searchText, pattern, '\\');
    }
    HibernateCriteriaBuilder hcb = (HibernateCriteriaBuilder) cb;
    Expression<Boolean> narrowed = pairs != null
        ? hcb.sql(PAIRS_OF_TEXT + " @> string_to_array(?, ',')", Boolean.class, searchText,
            cb.literal(pairs))
        : hcb.sql("to_tsvector('simple', ?) @@ to_tsquery('simple', ?)", Boolean.class,
            searchText, cb.literal(prefilter));
    Expression<Boolean> contains = hcb.sql("strpos(?, ?) > 0", Boolean.class, searchText,
        cb.literal(folded));
    return cb.and(cb.isTrue(narrowed), cb.isTrue(contains));
  }

  /** Whether the documents live in PostgreSQL (full text, samples), from Hibernate's dialect. */
  static boolean postgres(EntityManagerFactory entities) {
    return entities.unwrap(SessionFactoryImplementor.class)
        .getJdbcServices().getDialect() instanceof PostgreSQLDialect;
  }
}
