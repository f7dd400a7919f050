package vn.khcn.workflow.interop;

import java.util.List;
import vn.khcn.workflow.intake.Extraction;

/**
 * A parsed edXML envelope: either a document (MessageHeader: the header fields mapped onto the
 * register's fields by intake, its attachments) or a status message (Status) about a document.
 */
record EdxmlPackage(Kind kind, String documentId, Organ from, Organ to, String businessDocType,
    Extraction header, List<PackageAttachment> attachments, SignatureCheck.Checked signature,
    Status status) {

  enum Kind { DOCUMENT, STATUS }

  /** An agency on the axis (OrganId, OrganName); either may be null. */
  record Organ(String id, String name) {
    static final Organ NONE = new Organ(null, null);
  }

  /** A file of the package: its manifest entry and its decoded bytes. */
  record PackageAttachment(String contentId, String name, String contentType, byte[] content) {}

  /** A status message: its code, what it says, and the DocumentId it answers. */
  record Status(String code, String description, String responseFor, String staff) {}
}
