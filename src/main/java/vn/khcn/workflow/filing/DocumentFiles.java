package vn.khcn.workflow.filing;

import org.springframework.stereotype.Component;
import vn.khcn.workflow.filing.FileViews.DocumentKind;
import vn.khcn.workflow.filing.FileViews.FileOf;

/**
 * The file a document belongs to, for the fragment {@code file-of :: file} on the incoming
 * document page and the draft page ({@code ${@documentFiles.fileOf('INCOMING', id)}}): those
 * pages need no code of their own for it, and dispatch and outgoing do not depend on filing.
 */
@Component("documentFiles")
public class DocumentFiles {

  private final FileQueries queries;

  DocumentFiles(FileQueries queries) {
    this.queries = queries;
  }

  /** The file of the document (kind INCOMING or OUTGOING), or null when it is in none. */
  public FileOf fileOf(String kind, long documentId) {
    return queries.fileOf(DocumentKind.valueOf(kind), documentId).orElse(null);
  }
}
