package vn.khcn.workflow.dispatch;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.List;

/** A numbered item of a registered document ("1- …", "7- …") as the clerk kept it (issue 17). */
@Entity
@Table(name = "document_item")
class DocumentItem {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "document_id", nullable = false)
  private Long documentId;

  @Column(nullable = false)
  private int position;

  @Column(nullable = false)
  private String label;

  @Column(name = "item_text", nullable = false)
  private String text;

  /** The bodies the item names, one a line. */
  private String bodies;

  protected DocumentItem() {}

  DocumentItem(Long documentId, int position, DocumentItems.ItemText item) {
    this.documentId = documentId;
    this.position = position;
    this.label = item.label();
    this.text = item.text();
    this.bodies = item.bodies().isEmpty() ? null : String.join("\n", item.bodies());
  }

  public Long getId() { return id; }
  public Long getDocumentId() { return documentId; }
  public int getPosition() { return position; }
  public String getLabel() { return label; }
  public String getText() { return text; }

  public List<String> getBodies() {
    return bodies == null ? List.of() : List.of(bodies.split("\n"));
  }
}
