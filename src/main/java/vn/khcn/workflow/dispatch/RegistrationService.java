package vn.khcn.workflow.dispatch;

import vn.khcn.workflow.identity.Actor;
import static vn.khcn.workflow.dispatch.IncomingDirectiveProcess.Vars;

import java.time.Clock;
import java.util.List;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import vn.khcn.workflow.shared.process.DomainStart;
import org.springframework.transaction.annotation.Transactional;

/**
 * Registers incoming documents: duplicate check, the next incoming number, the entity with its
 * first trail entry, and the dispatch process, all in one transaction so that a failure stores
 * nothing and consumes no number.
 */
@Service
public class RegistrationService {

  private final IncomingDocumentRepository documents;
  private final TrailRepository trail;
  private final IncomingNumberAllocator numbers;
  private final RegisterClosures closures;
  private final RuntimeService runtimeService;
  private final DocumentWithdrawal withdrawal;
  private final DocumentItems items;
  private final ApplicationEventPublisher events;
  private final Clock clock;

  RegistrationService(IncomingDocumentRepository documents, TrailRepository trail,
      IncomingNumberAllocator numbers, RegisterClosures closures, RuntimeService runtimeService,
      DocumentWithdrawal withdrawal, DocumentItems items, ApplicationEventPublisher events,
      Clock clock) {
    this.documents = documents;
    this.events = events;
    this.items = items;
    this.withdrawal = withdrawal;
    this.trail = trail;
    this.numbers = numbers;
    this.closures = closures;
    this.runtimeService = runtimeService;
    this.clock = clock;
  }

  @Transactional
  public RegisteredDocument register(Registration registration, boolean registerDuplicate,
      Actor actor) {
    return register(registration, registerDuplicate, null, actor);
  }

  /**
   * Registers a document that replaces the earlier document {@code replaces} (null: none); the
   * earlier one becomes REPLACED and its open work is closed in favour of this one (issue 14).
   */
  @Transactional
  RegisteredDocument register(Registration registration, boolean registerDuplicate,
      Long replaces, Actor actor) {
    return register(registration, registerDuplicate, replaces, actor, List.of());
  }

  /** As above, keeping the document's numbered items (issue 17). */
  @Transactional
  RegisteredDocument register(Registration registration, boolean registerDuplicate,
      Long replaces, Actor actor, List<DocumentItems.ItemText> numberedItems) {
    return register(registration, registerDuplicate, replaces, actor, numberedItems, false);
  }

  /** As above, for a document from an edXML package ({@link ElectronicRegistry}). */
  @Transactional
  RegisteredDocument registerElectronic(Registration registration, boolean registerDuplicate,
      Long replaces, Actor actor) {
    return register(registration, registerDuplicate, replaces, actor, List.of(), true);
  }

  private RegisteredDocument register(Registration registration, boolean registerDuplicate,
      Long replaces, Actor actor, List<DocumentItems.ItemText> numberedItems,
      boolean electronic) {
    IncomingDocument earlier = withdrawal.replaceable(replaces);
    // the document being replaced is no duplicate of its replacement (often the same number)
    List<IncomingDocument> duplicates = documents.findDuplicates(registration.issuer(),
        registration.documentNumber(), registration.issuedOn()).stream()
        .filter(d -> earlier == null || !d.getId().equals(earlier.getId())).toList();
    if (!duplicates.isEmpty() && !registerDuplicate) {
      throw new DuplicateDocumentException(duplicates.get(0));
    }
    NumberSeries series = registration.classification().series();
    int number = numbers.next(series, registration.receivedOn().getYear());
    // after the counter row is locked: a closing of this year cannot slip in between
    closures.refuseIfClosed(series, registration.receivedOn().getYear());
    IncomingDocument document = documents.saveAndFlush(
        new IncomingDocument(registration, number, actor.userId(), clock.instant()));
    String note = "Số đến " + document.getBusinessKey()
        + (duplicates.isEmpty() ? "" : "; văn bản gửi lại, đã đăng ký trước đó với số đến "
            + duplicates.get(0).getBusinessKey());
    trail.save(new TrailEntry(document.getId(), clock.instant(), actor, TrailAction.REGISTERED,
        null, null, note));
    items.store(document.getId(), numberedItems);

    ProcessInstance instance = DomainStart.run(() -> runtimeService.startProcessInstanceByKey(
        IncomingDirectiveProcess.KEY, document.getBusinessKey(),
        Variables.createVariables()
            .putValue(Vars.DOCUMENT_ID.name(), document.getId())
            .putValue(Vars.INCOMING_NUMBER.name(), document.getBusinessKey())
            .putValue(Vars.DOCUMENT_NUMBER.name(), document.getDocumentNumber())
            .putValue(Vars.ISSUER.name(), document.getIssuer())
            .putValue(Vars.SUMMARY.name(), document.getSummary())
            .putValue(Vars.DOCUMENT_TYPE.name(), document.getDocumentType())
            .putValue(Vars.URGENCY.name(), document.getUrgency().name())));
    document.attachProcess(instance.getId());
    if (earlier != null) {
      withdrawal.replace(earlier, document, actor);
    }
    events.publishEvent(new IncomingRegistered(document.getId(), instance.getId(), electronic));
    return new RegisteredDocument(document.getId(), number, document.getYear(),
        document.getBusinessKey(), instance.getId());
  }
}
