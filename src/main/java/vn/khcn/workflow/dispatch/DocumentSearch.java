package vn.khcn.workflow.dispatch;

import jakarta.persistence.EntityManager;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Order;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;
import jakarta.persistence.criteria.Subquery;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.khcn.workflow.identity.Groups;
import vn.khcn.workflow.shared.text.SearchText;

/**
 * The search behind /documents: the API's folded full-text match (number, symbol, issuer,
 * summary with or without diacritics) and its classified rule (registry and directors see every
 * classified document, a unit only those assigned to it), plus the page's filters and orders.
 */
@Service
@Transactional(readOnly = true)
class DocumentSearch {

  private final IncomingDocumentRepository documents;
  private final EntityManager entities;
  private final Clock clock;
  private final SearchWordFrequencies frequencies;
  private final String workMem;

  DocumentSearch(IncomingDocumentRepository documents, EntityManager entities, Clock clock,
      SearchWordFrequencies frequencies, @Value("${khcn.search.work-mem:16MB}") String workMem) {
    this.documents = documents;
    this.entities = entities;
    this.clock = clock;
    this.frequencies = frequencies;
    if (!workMem.matches("[1-9][0-9]{0,5}(kB|MB|GB)")) {
      // refused at start-up rather than by PostgreSQL at every rare text's search
      throw new IllegalStateException("khcn.search.work-mem (SEARCH_WORK_MEM) must be an amount"
          + " of memory as PostgreSQL writes it, such as 16MB, not '" + workMem + "'");
    }
    this.workMem = workMem;
  }

  /** Whether these groups may use the page: the Department's staff and its administrators. */
  static boolean maySearch(Set<String> groups) {
    return groups.stream().anyMatch(Groups.STAFF::contains)
        || groups.contains(Groups.CAMUNDA_ADMIN);
  }

  /**
   * Results are counted up to this many (or up to the page asked for); beyond it the page says
   * "more than" rather than counting every match of a common word in a million documents
   * (ADR 0036). 200 (ADR 0039): ten pages, and what a count of a text found in 2 % of a million
   * documents costs stays within the page's time.
   */
  static final int COUNT_CAP = 200;

  /**
   * Results a list reaches by paging at most: page × size stays within it (the page's 500th page,
   * the API's 100th page of 100). Every request reads the ids up to its page in the list's order
   * (ADR 0039), so a deeper page would read up to a million ids for one screen; nobody pages that
   * far, filters narrow, and an export takes the first 5,000 (ADR 0052).
   */
  static final int MAX_RESULTS = 10_000;

  /** {@link #MAX_RESULTS} as Vietnamese writes it ("10.000"), for the page and the API. */
  static final String MAX_RESULTS_TEXT = String.format(java.util.Locale.forLanguageTag("vi"),
      "%,d", MAX_RESULTS);

  /** Rows fetched by id at a time (an export's 5,000 in a few statements). */
  private static final int FETCH_CHUNK = 500;

  /**
   * One page of results. {@code total} is exact unless {@code capped}: then there are more than
   * {@code total} documents, and {@code page}'s total is one more (so it has a next page).
   */
  record Found<T>(Page<T> page, long total, boolean capped) {}

  /**
   * One page of the documents the viewer may see that match the filter: the matching ids are
   * read once in the list's order, up to the cap or the page asked for (whichever is further),
   * which both counts them and places the page; then only the page's rows are read (ADR 0039).
   * The page must end within the first {@link #MAX_RESULTS}; at that end the page says there are
   * more ({@code capped}) but announces no next page.
   */
  Found<DocumentRow> find(DocumentFilter filter, int page, int size, Viewer viewer) {
    ZoneId zone = clock.getZone();
    return find(filter, page, size, viewer, (d, now) -> row(d, now, zone));
  }

  /**
   * As {@link #find(DocumentFilter, int, int, Viewer)}, each document of the page made into a
   * {@code T} (given the search's instant, for "overdue"); the API's list uses it (ADR 0051).
   */
  <T> Found<T> find(DocumentFilter filter, int page, int size, Viewer viewer,
      BiFunction<IncomingDocument, Instant, T> toRow) {
    if (!withinResults(page, size)) {
      throw new IllegalArgumentException("page " + page + " of size " + size
          + " does not end within the first " + MAX_RESULTS + " results");
    }
    PageRequest request = PageRequest.of(page, size);
    if (!maySearch(viewer.groups())) {
      return new Found<>(Page.empty(request), 0, false);
    }
    Instant now = clock.instant();
    DocumentTextMatch text = filter.q() == null || SearchText.fold(filter.q()).isEmpty() ? null
        : DocumentTextMatch.of(filter.q(), entities, DocumentTextMatch.KNOWN_IDS,
            frequencies.counts(), frequencies.pairs(), workMem);
    Specification<IncomingDocument> spec = matching(filter, viewer, now, text);
    int limit = Math.max(COUNT_CAP, (page + 1) * size) + 1;
    List<Long> ids = orderedIds(spec, filter.sort(), limit);
    boolean capped = ids.size() >= limit;
    long total = capped ? limit - 1 : ids.size();
    int from = (int) Math.min((long) page * size, ids.size());
    List<T> rows = fetch(ids.subList(from, Math.min(from + size, ids.size())))
        .stream().map(d -> toRow.apply(d, now)).toList();
    // one more than counted announces a next page, except on the last page that can be reached
    long announced = capped
        ? Math.min(limit, (long) (lastReachablePage(size) + 1) * size) : total;
    return new Found<>(new PageImpl<>(rows, request, announced), total, capped);
  }

  /** Whether a page of this size, from 0, ends within the first {@link #MAX_RESULTS}. */
  static boolean withinResults(int page, int size) {
    return page >= 0 && size >= 1 && ((long) page + 1) * size <= MAX_RESULTS;
  }

  /** The last page of this size that {@link #withinResults ends within the results}. */
  static int lastReachablePage(int size) {
    return MAX_RESULTS / size - 1;
  }

  /** The ids of the matching documents in the list's order, at most {@code limit}. */
  private List<Long> orderedIds(Specification<IncomingDocument> spec, DocumentFilter.Sort sort,
      int limit) {
    CriteriaBuilder cb = entities.getCriteriaBuilder();
    CriteriaQuery<Long> ids = cb.createQuery(Long.class);
    Root<IncomingDocument> root = ids.from(IncomingDocument.class);
    ids.select(root.get("id")).where(spec.toPredicate(root, ids, cb));
    ids.orderBy(order(sort, root, cb));
    return entities.createQuery(ids).setMaxResults(limit).getResultList();
  }

  /** The documents of these ids, in the ids' order. */
  private List<IncomingDocument> fetch(List<Long> ids) {
    Map<Long, IncomingDocument> byId = new HashMap<>();
    for (int i = 0; i < ids.size(); i += FETCH_CHUNK) {
      documents.findAllById(ids.subList(i, Math.min(i + FETCH_CHUNK, ids.size())))
          .forEach(d -> byId.put(d.getId(), d));
    }
    // a document deleted since its id was read is left out
    return ids.stream().map(byId::get).filter(java.util.Objects::nonNull).toList();
  }

  /**
   * The list's order: newest number first (the default), issue date, or earliest deadline first
   * with documents without one last (sort=DUE); the id last, so pages never overlap.
   */
  private static List<Order> order(DocumentFilter.Sort sort, Root<IncomingDocument> root,
      CriteriaBuilder cb) {
    List<Order> orders = new ArrayList<>();
    if (sort == DocumentFilter.Sort.ISSUED) {
      orders.add(cb.desc(root.get("issuedOn")));
    } else if (sort == DocumentFilter.Sort.DUE) {
      for (String due : List.of("dueAt", "directionDueAt")) {
        orders.add(cb.asc(cb.selectCase().when(cb.isNull(root.get(due)), 1).otherwise(0)));
        orders.add(cb.asc(root.get(due)));
      }
    }
    orders.add(cb.desc(root.get("year")));
    orders.add(cb.desc(root.get("incomingNumber")));
    orders.add(cb.desc(root.get("id")));
    return orders;
  }

  private static Specification<IncomingDocument> matching(DocumentFilter f, Viewer viewer,
      Instant now, DocumentTextMatch text) {
    return (root, query, cb) -> {
      List<Predicate> where = new ArrayList<>();
      where.add(visible(root, query, cb, viewer));
      if (text != null) {
        where.add(text.on(root, query, cb));
      }
      if (f.issuer() != null) {
        where.add(cb.like(cb.lower(root.get("issuer")), "%" + escape(f.issuer().toLowerCase())
            + "%", '\\'));
      }
      if (f.year() != null) {
        where.add(cb.equal(root.get("year"), f.year()));
      }
      if (f.status() != null) {
        where.add(cb.equal(root.get("status"), f.status()));
      }
      if (f.urgency() != null) {
        where.add(cb.equal(root.get("urgency"), f.urgency()));
      }
      if (f.classification() != null) {
        where.add(cb.equal(root.get("classification"), f.classification()));
      }
      if (f.from() != null) {
        where.add(cb.greaterThanOrEqualTo(root.get("receivedOn"), f.from()));
      }
      if (f.to() != null) {
        where.add(cb.lessThanOrEqualTo(root.get("receivedOn"), f.to()));
      }
      if (f.unit() != null) {
        where.add(cb.exists(assignedTo(root, query, cb, Set.of(f.unit()))));
      }
      if (f.overdueOnly()) {
        // the same rule as DocumentQueries.isOverdue
        where.add(cb.or(
            cb.and(cb.equal(root.get("status"), DocumentStatus.AWAITING_DIRECTION),
                cb.lessThan(root.get("directionDueAt"), now)),
            cb.and(root.get("status").in(DocumentStatus.IN_PROGRESS,
                DocumentStatus.AWAITING_APPROVAL), cb.lessThan(root.get("dueAt"), now))));
      }
      return cb.and(where.toArray(Predicate[]::new));
    };
  }

  /** The API's rule: unclassified, or the viewer sees every classified one, or a unit of theirs is assigned. */
  private static Predicate visible(Root<IncomingDocument> root,
      jakarta.persistence.criteria.CriteriaQuery<?> query, CriteriaBuilder cb, Viewer viewer) {
    Predicate open = cb.equal(root.get("classification"), Classification.NONE);
    if (viewer.seesAllClassified()) {
      return cb.conjunction();
    }
    if (!viewer.isStaff()) {
      return open;
    }
    Set<String> units = viewer.groups().stream().filter(Groups::isUnit)
        .collect(java.util.stream.Collectors.toSet());
    return units.isEmpty() ? open : cb.or(open, cb.exists(assignedTo(root, query, cb, units)));
  }

  private static Subquery<Long> assignedTo(Root<IncomingDocument> root,
      jakarta.persistence.criteria.CriteriaQuery<?> query, CriteriaBuilder cb, Set<String> units) {
    Subquery<Long> assigned = query.subquery(Long.class);
    Root<Assignment> a = assigned.from(Assignment.class);
    assigned.select(a.get("id")).where(cb.equal(a.get("documentId"), root.get("id")),
        a.get("unitId").in(units));
    return assigned;
  }

  private static String escape(String text) {
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
  }

  private static DocumentRow row(IncomingDocument d, Instant now, ZoneId zone) {
    Instant due = d.getStatus() == DocumentStatus.AWAITING_DIRECTION ? d.getDirectionDueAt()
        : d.getDueAt();
    return new DocumentRow(d.getId(), d.getBusinessKey(), DocumentFormats.date(d.getReceivedOn()),
        d.getIssuer(), d.getDocumentNumber(), DocumentFormats.date(d.getIssuedOn()),
        d.getDocumentType(), d.getSummary(), d.getUrgency().label(),
        d.getUrgency() != Urgency.NORMAL, d.getClassification().label(),
        d.getClassification().isClassified(), d.getStatus().label(),
        DocumentFormats.date(due, zone), DocumentQueries.isOverdue(d, now),
        d.getSignerPosition(), d.getSignerName(),
        d.getPageCount() == null ? "" : d.getPageCount().toString(), d.getLanguage(),
        DocumentFormats.date(d.getDocumentDueDate()));
  }
}
