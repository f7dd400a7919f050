package vn.khcn.workflow.filing;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** What the API and the pages show of lists of files and files. */
final class FileViews {

  /** A file's state: open (đang lập), closed (kết thúc), handed to the archive (nộp lưu). */
  enum FileStatus {
    OPEN("Đang lập"), CLOSED("Đã kết thúc"), ARCHIVED("Đã nộp lưu cơ quan");

    private final String label;

    FileStatus(String label) {
      this.label = label;
    }

    String label() {
      return label;
    }
  }

  /** Incoming (văn bản đến, package dispatch) or outgoing (văn bản đi, package outgoing). */
  enum DocumentKind {
    INCOMING("Văn bản đến"), OUTGOING("Văn bản đi");

    private final String label;

    DocumentKind(String label) {
      this.label = label;
    }

    String label() {
      return label;
    }

    String path(long id) {
      return this == INCOMING ? "/documents/" + id : "/drafts/" + id;
    }
  }

  /** One entry of a year's list; approvalNo null while it waits for a director. */
  @JsonInclude(JsonInclude.Include.ALWAYS)
  record Entry(long id, int year, String code, String title, String unitId, String unitName,
      String retention, String openerName, Integer approvalNo, String addedBy,
      String addedByName, Instant addedAt, Long fileId, String fileStatus) {

    public boolean approved() {
      return approvalNo != null;
    }
  }

  /** One approval of a year's list. */
  record Approval(int year, int approvalNo, String approvedBy, String approvedByName,
      LocalDate approvedOn, Instant approvedAt, int entryCount) {}

  /** A year's list with its approvals. */
  record Plan(int year, boolean approved, int pending, List<Approval> approvals,
      List<Entry> entries) {}

  /** A file (hồ sơ) with its documents; fields of later steps null until then. */
  @JsonInclude(JsonInclude.Include.ALWAYS)
  record CaseFile(long id, long entryId, int year, String code, String title, String unitId,
      String unitName, String retention, String status, String statusLabel, String openedBy,
      String openedByName, Instant openedAt, String closedBy, String closedByName,
      Instant closedAt, LocalDate endedOn, LocalDate archiveDue, String archivedBy,
      String archivedByName, LocalDate archivedOn, String archiveReceiver, String archiveNote,
      List<FiledDocument> documents) {}

  /**
   * A document in a file. What it is (number, summary) only when the reader may see the
   * document; otherwise visible is false and only kind and id are given.
   */
  record FiledDocument(String kind, String kindLabel, long documentId, boolean visible,
      String number, String summary, LocalDate date, String url, String addedByName,
      Instant addedAt) {}

  /** A file as a list shows it. */
  record FileSummary(long id, int year, String code, String title, String unitId, String unitName,
      String retention, String status, String statusLabel, String openedByName,
      LocalDate endedOn, LocalDate archiveDue, int documentCount) {}

  /** A document of the year in no file (văn bản chưa vào hồ sơ). */
  record Unfiled(String kind, String kindLabel, long documentId, String number,
      String summary, LocalDate date, String url) {}

  /** Which file a document is in, for the document and draft pages. */
  public record FileOf(long fileId, String code, String title, String statusLabel) {}

  private FileViews() {}
}
