package vn.khcn.workflow.dispatch;

import static vn.khcn.workflow.dispatch.IncomingDirectiveProcess.Vars;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.khcn.workflow.identity.Actor;
import vn.khcn.workflow.identity.EngineAuthentication;
import vn.khcn.workflow.shared.web.ApiError.FieldError;
import vn.khcn.workflow.shared.web.ConflictException;
import vn.khcn.workflow.shared.web.InvalidInputException;
import vn.khcn.workflow.shared.web.NotFoundException;

/**
 * Corrects the registration metadata of a document (issue 14): only the fields of
 * {@link CorrectableField#ALL}, validated by the registration's own rules on the corrected whole,
 * with a required reason; the trail keeps each changed field old → new; search text and duplicate
 * key are recomputed; the running process sees the corrected text. A recalled or replaced
 * document is not corrected (409).
 */
@Service
class DocumentCorrections {

  private final IncomingDocumentRepository documents;
  private final TrailRepository trail;
  private final RegisterClosures closures;
  private final RuntimeService runtimeService;
  private final IdentityService identityService;
  private static final ObjectMapper JSON = new ObjectMapper();
  private final Clock clock;

  DocumentCorrections(IncomingDocumentRepository documents, TrailRepository trail,
      RegisterClosures closures, RuntimeService runtimeService, IdentityService identityService,
      Clock clock) {
    this.documents = documents;
    this.closures = closures;
    this.trail = trail;
    this.runtimeService = runtimeService;
    this.identityService = identityService;
    this.clock = clock;
  }

  /** The document's current values as the registration request spells them, for forms. */
  static Map<String, String> inputs(Registration registration) {
    Map<String, String> values = new LinkedHashMap<>();
    CorrectableField.ALL.forEach(f -> values.put(f.name(), f.input(registration)));
    return values;
  }

  /** The registration request holding these values (names of {@link CorrectableField#ALL}). */
  static RegistrationRequest request(Map<String, String> values) {
    return JSON.convertValue(values, RegistrationRequest.class);
  }

  /**
   * Applies the changed fields (name → text as the registration request takes it; an empty or
   * null text clears an optional field). Returns the changes made.
   */
  @Transactional
  List<TrailChange> correct(long id, Map<String, String> changes, String reasonText, Actor actor) {
    IncomingDocument document = documents.findById(id)
        .orElseThrow(() -> new NotFoundException("Không tìm thấy văn bản đến " + id));
    List<FieldError> errors = new ArrayList<>();
    changes.keySet().stream().filter(name -> CorrectableField.named(name).isEmpty())
        .forEach(name -> errors.add(new FieldError(name,
            "trường này không sửa được; chỉ sửa được " + CorrectableField.ALL.stream()
                .map(CorrectableField::name).toList())));
    String reason = DocumentWithdrawal.reason(reasonText, errors);
    if (!errors.isEmpty()) {
      throw new InvalidInputException(errors);
    }
    if (document.isWithdrawn()) {
      throw new ConflictException("Văn bản đến số " + document.getBusinessKey() + " "
          + document.getStatus().label().toLowerCase() + ", không sửa thông tin được.",
          Map.of("id", id, "status", document.getStatus().name()));
    }
    // a closed (or closing) register is printed and signed: its entries no longer change
    closures.refuseIfClosed(document.getSeries(), document.getYear());
    Registration before = document.registration();
    Map<String, String> merged = inputs(before);
    merged.putAll(changes);
    Registration after;
    try {
      after = request(merged).validate(LocalDate.now(clock));
    } catch (InvalidInputException invalid) {
      errors.addAll(invalid.fieldErrors());
      throw new InvalidInputException(errors);
    }
    if (after.classification().series() != document.getSeries()) {
      errors.add(new FieldError("classification", "đổi giữa văn bản thường và văn bản mật làm"
          + " đổi sổ đăng ký và số đến; hãy thu hồi và đăng ký lại"));
    }
    if (after.receivedOn().getYear() != document.getYear()) {
      errors.add(new FieldError("receivedOn", "ngày đến phải thuộc năm " + document.getYear()
          + " của sổ đã cấp số đến; hãy thu hồi và đăng ký lại"));
    }
    List<TrailChange> changed = CorrectableField.ALL.stream()
        .filter(f -> f.changed(before, after))
        .map(f -> new TrailChange(f.name(), f.display(before), f.display(after))).toList();
    if (changed.isEmpty() && errors.isEmpty()) {
      errors.add(new FieldError("fields", "không có thông tin nào thay đổi"));
    }
    if (!errors.isEmpty()) {
      throw new InvalidInputException(errors);
    }
    document.correct(after);
    trail.save(TrailEntry.correction(id, clock.instant(), actor, reason, changed));
    updateProcess(document);
    return changed;
  }

  /** The running process's copies of the metadata (Tasklist's list columns, new tasks' views). */
  private void updateProcess(IncomingDocument document) {
    String instanceId = document.getProcessInstanceId();
    if (instanceId == null) {
      return;
    }
    EngineAuthentication.withoutAuthentication(identityService, () -> {
      if (runtimeService.createProcessInstanceQuery().processInstanceId(instanceId)
          .singleResult() != null) {
        Map<String, Object> variables = new LinkedHashMap<>();
        variables.put(Vars.DOCUMENT_NUMBER.name(), document.getDocumentNumber());
        variables.put(Vars.ISSUER.name(), document.getIssuer());
        variables.put(Vars.SUMMARY.name(), document.getSummary());
        variables.put(Vars.DOCUMENT_TYPE.name(), document.getDocumentType());
        variables.put(Vars.URGENCY.name(), document.getUrgency().name());
        runtimeService.setVariables(instanceId, variables);
      }
      return null;
    });
  }
}
