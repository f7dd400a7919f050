package vn.khcn.workflow.dispatch;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A filter set of /documents that one person saved under a name, to run again later. */
@Entity
@Table(name = "saved_document_search")
class SavedDocumentSearch {

  static final int MAX_NAME = 100;
  static final int MAX_PER_OWNER = 50;

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "owner_id", nullable = false)
  private String ownerId;

  @Column(nullable = false)
  private String name;

  /** The canonical query string of the filter ({@link DocumentFilter#query()}), re-parsed on use. */
  @Column(name = "filter_query", nullable = false)
  private String filterQuery;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  protected SavedDocumentSearch() {}

  SavedDocumentSearch(String ownerId, String name, String filterQuery, Instant createdAt) {
    this.ownerId = ownerId;
    this.name = name;
    this.filterQuery = filterQuery;
    this.createdAt = createdAt;
  }

  public Long getId() { return id; }
  public String getOwnerId() { return ownerId; }
  public String getName() { return name; }
  public String getFilterQuery() { return filterQuery; }
  public Instant getCreatedAt() { return createdAt; }
}
