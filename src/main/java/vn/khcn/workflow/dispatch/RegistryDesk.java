package vn.khcn.workflow.dispatch;

import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.khcn.workflow.identity.Actor;
import vn.khcn.workflow.shared.web.ApiError.FieldError;
import vn.khcn.workflow.shared.web.UploadedFiles;

/**
 * The registry desk's registration: the document and its files in one transaction, so that a
 * refused file stores nothing and consumes no number. Validation is the API's own
 * ({@link RegistrationRequest#validate}, {@link AttachmentService#add}).
 */
@Service
class RegistryDesk {

  /** A file picked in the form. */
  record Upload(String fileName, byte[] content) {}

  private final RegistrationService registration;
  private final AttachmentService attachments;

  RegistryDesk(RegistrationService registration, AttachmentService attachments) {
    this.registration = registration;
    this.attachments = attachments;
  }

  /** What is wrong with the files, checked by content as the API checks them, named "files". */
  static List<FieldError> fileProblems(List<Upload> uploads) {
    List<FieldError> problems = new ArrayList<>();
    for (Upload upload : uploads) {
      List<FieldError> found = new ArrayList<>();
      String name = UploadedFiles.safeFileName(upload.fileName(), found);
      if (found.isEmpty()) {
        UploadedFiles.contentType(name, upload.content(), found);
      }
      String label = upload.fileName() == null ? "" : upload.fileName();
      found.forEach(p -> problems.add(new FieldError("files", label + ": " + p.message())));
    }
    return problems;
  }

  @Transactional
  RegisteredDocument register(Registration valid, boolean registerDuplicate, Long replaces,
      Actor actor, Viewer viewer, List<Upload> uploads, List<DocumentItems.ItemText> items) {
    RegisteredDocument registered = registration.register(valid, registerDuplicate, replaces,
        actor, items);
    for (Upload upload : uploads) {
      attachments.add(registered.id(), upload.fileName(), upload.content(), actor, viewer);
    }
    return registered;
  }
}
