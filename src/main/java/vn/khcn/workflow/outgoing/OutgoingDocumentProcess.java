package vn.khcn.workflow.outgoing;

import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;
import vn.khcn.workflow.shared.process.ProcessDescriptor;
import vn.khcn.workflow.shared.process.UserTaskContract;
import vn.khcn.workflow.shared.process.Variable;

/**
 * Descriptor of {@code processes/outgoing-document.bpmn} (issue 19, ADR 0024 and 0026): draft,
 * optional opinions in parallel, content check by the unit head, form check by the Office (App.
 * I), the signer's approval, signing, numbering by the registry, issue and sending. Started only
 * by the drafts API (business key = the document's id).
 */
@Component
public final class OutgoingDocumentProcess implements ProcessDescriptor {

  public static final String KEY = "outgoing-document";
  /** Message of the drafts API's opinion request (interrupts the draft task). */
  public static final String MESSAGE_OPINIONS_REQUESTED = "outgoingOpinionsRequested";

  /** Task definition keys. */
  public static final class Tasks {
    public static final String DRAFT = "draftDocument";
    public static final String GIVE_OPINION = "giveOpinion";
    public static final String CONSOLIDATE = "consolidateOpinions";
    public static final String CHECK_CONTENT = "checkContent";
    public static final String CHECK_FORM = "checkForm";
    public static final String APPROVE_SIGNATURE = "approveSignature";
    public static final String NUMBER = "numberDocument";

    private Tasks() {}
  }

  /** Element ids tests refer to. */
  public static final class Elements {
    public static final String START = "startEvent_drafted";
    public static final String OPINIONS_REQUESTED = "boundaryEvent_opinionsRequested";
    public static final String OPINIONS = "subProcess_opinions";
    public static final String OPINION_REMINDER = "boundaryEvent_opinionReminder";
    public static final String OPINION_OVERDUE = "boundaryEvent_opinionOverdue";
    public static final String REMIND_OPINION = "serviceTask_remindOpinion";
    public static final String ESCALATE_OPINION = "serviceTask_escalateOpinion";
    public static final String ROUTE_CONTENT_CHECK = "serviceTask_routeContentCheck";
    public static final String SIGN = "serviceTask_sign";
    public static final String ISSUE_OVERDUE = "boundaryEvent_issueOverdue";
    public static final String ESCALATE_ISSUE = "serviceTask_escalateIssue";
    public static final String ISSUE = "serviceTask_issue";
    public static final String SEND = "serviceTask_send";
    public static final String END = "endEvent_sent";

    private Elements() {}
  }

  /** Spring bean names the model calls. */
  public static final class Beans {
    public static final String VIEW_LISTENER = "outgoingViewListener";
    public static final String DRAFT_LISTENER = "outgoingDraftListener";
    public static final String OPINION_REQUEST_LISTENER = "opinionRequestListener";
    public static final String OPINION_ANSWER_LISTENER = "opinionAnswerListener";
    public static final String REMIND_OPINION = "remindOpinionStep";
    public static final String ESCALATE_OPINION = "escalateOpinionStep";
    public static final String CONSOLIDATION_LISTENER = "opinionConsolidationListener";
    public static final String ROUTE_CONTENT_CHECK = "routeContentCheckStep";
    public static final String CHECK_LISTENER = "outgoingCheckListener";
    /** Makes the unit heads who may sign "TL."/"TUQ." candidates of the signature task. */
    public static final String SIGNATURE_CANDIDATES_LISTENER = "signatureCandidatesListener";
    public static final String SIGN = "signOutgoingStep";
    public static final String NUMBER_LISTENER = "outgoingNumberListener";
    public static final String ESCALATE_ISSUE = "escalateIssueStep";
    public static final String ISSUE = "issueOutgoingStep";
    public static final String SEND = "outgoingSendStep";

    private Beans() {}
  }

  /** Process variables, typed. */
  public static final class Vars {
    /** Id of the OutgoingDocument (not "documentId": that names incoming documents). */
    public static final Variable<Long> DOCUMENT_ID = Variable.instanceId("outgoingDocumentId");
    /** The drafter's user id (candidate of the draft and consolidation tasks). */
    public static final Variable<String> DRAFTER = Variable.serverText("drafter");
    /** Summary and urgency, for the inbox's list. */
    public static final Variable<String> SUMMARY = Variable.serverText("summary");
    public static final Variable<String> URGENCY = Variable.serverText("urgency");
    /** The opinion round's request ids (multi-instance collection) and each element. */
    public static final Variable<List<String>> OPINION_REQUEST_IDS = Variable.serverTextList(
        "opinionRequestIds");
    public static final Variable<String> OPINION_REQUEST_ID = Variable.serverText(
        "opinionRequestId");
    /** Local to an opinion instance: who answers, due, reminder and overdue cycle. */
    public static final Variable<List<String>> OPINION_USERS = Variable.serverTextList(
        "opinionUsers");
    public static final Variable<List<String>> OPINION_GROUPS = Variable.serverTextList(
        "opinionGroups");
    public static final Variable<Date> OPINION_DUE_DATE = Variable.date("opinionDueDate");
    public static final Variable<Date> OPINION_REMINDER_DATE = Variable.date(
        "opinionReminderDate");
    public static final Variable<String> OPINION_ESCALATION_CYCLE = Variable.serverText(
        "opinionEscalationCycle");
    /** Candidates of the content check: the unit head (or deputies, or the unit). */
    public static final Variable<List<String>> CONTENT_CHECK_USERS = Variable.serverTextList(
        "contentCheckUsers");
    public static final Variable<List<String>> CONTENT_CHECK_GROUPS = Variable.serverTextList(
        "contentCheckGroups");
    /**
     * The last return's comment, shown first in the draft task until it is submitted again; the
     * step and the reviewer before it, so fitted like a view (the whole comment is in the trail).
     */
    public static final Variable<String> RETURN_COMMENT = Variable.view("returnComment");
    /** The last check's verdict, read by the gateway after it. */
    public static final Variable<Boolean> CHECK_PASSED = Variable.serverBool("checkPassed");
    /** The director who approved the signature, and the registry clerk who numbers. */
    public static final Variable<String> SIGNER = Variable.serverText("signer");
    public static final Variable<String> SIGN_AUTHORITY = Variable.serverText("signAuthority");
    public static final Variable<String> CLERK = Variable.serverText("clerk");
    /** Art. 18.1: when the document must be issued, and the escalation cycle after that. */
    public static final Variable<Date> ISSUE_DUE_DATE = Variable.date("issueDueDate");
    public static final Variable<String> ISSUE_ESCALATION_CYCLE = Variable.serverText(
        "issueEscalationCycle");

    // task inputs (local to their task)
    public static final Variable<String> POSITION = Variable.text("position");
    public static final Variable<String> OPINION_TEXT = Variable.text("opinionText");
    public static final Variable<Boolean> APPROVED = Variable.bool("approved");
    public static final Variable<String> COMMENT = Variable.text("comment");
    public static final Variable<String> AUTHORITY = Variable.text("authority");
    /** App. I checklist of the form check, each a checkbox. */
    public static final Variable<Boolean> FORM_NATIONAL_TITLE = Variable.bool("formNationalTitle");
    public static final Variable<Boolean> FORM_AGENCY = Variable.bool("formAgency");
    public static final Variable<Boolean> FORM_NUMBER_SYMBOL = Variable.bool("formNumberSymbol");
    public static final Variable<Boolean> FORM_PLACE_DATE = Variable.bool("formPlaceDate");
    public static final Variable<Boolean> FORM_TYPE_SUMMARY = Variable.bool("formTypeSummary");
    public static final Variable<Boolean> FORM_CONTENT = Variable.bool("formContent");
    public static final Variable<Boolean> FORM_SIGNER = Variable.bool("formSigner");
    public static final Variable<Boolean> FORM_SEAL = Variable.bool("formSeal");
    public static final Variable<Boolean> FORM_RECIPIENTS = Variable.bool("formRecipients");
    /** The checklist in App. I's order. */
    public static final List<Variable<Boolean>> CHECKLIST = List.of(FORM_NATIONAL_TITLE,
        FORM_AGENCY, FORM_NUMBER_SYMBOL, FORM_PLACE_DATE, FORM_TYPE_SUMMARY, FORM_CONTENT,
        FORM_SIGNER, FORM_SEAL, FORM_RECIPIENTS);
    /** Task-local: the document as a person reads it (last return's comment first). */
    public static final Variable<String> DOCUMENT_VIEW = Variable.view("documentView");

    private Vars() {}
  }

  /** What each task's form accepts. */
  public static final class Contracts {
    public static final UserTaskContract DRAFT = UserTaskContract.task(Tasks.DRAFT)
        .form("form_draftDocument", Vars.DOCUMENT_VIEW.name()).inputs();
    public static final UserTaskContract GIVE_OPINION = UserTaskContract.task(Tasks.GIVE_OPINION)
        .form("form_giveOpinion", Vars.DOCUMENT_VIEW.name())
        .inputs(Vars.POSITION, Vars.OPINION_TEXT);
    public static final UserTaskContract CONSOLIDATE = UserTaskContract.task(Tasks.CONSOLIDATE)
        .form("form_consolidateOpinions", Vars.DOCUMENT_VIEW.name()).inputs();
    public static final UserTaskContract CHECK_CONTENT = UserTaskContract
        .task(Tasks.CHECK_CONTENT).form("form_checkContent", Vars.DOCUMENT_VIEW.name())
        .inputs(Vars.APPROVED, Vars.COMMENT);
    public static final UserTaskContract CHECK_FORM = UserTaskContract.task(Tasks.CHECK_FORM)
        .form("form_checkForm", Vars.DOCUMENT_VIEW.name())
        .inputs(Vars.APPROVED, Vars.COMMENT, Vars.FORM_NATIONAL_TITLE, Vars.FORM_AGENCY,
            Vars.FORM_NUMBER_SYMBOL, Vars.FORM_PLACE_DATE, Vars.FORM_TYPE_SUMMARY,
            Vars.FORM_CONTENT, Vars.FORM_SIGNER, Vars.FORM_SEAL, Vars.FORM_RECIPIENTS);
    public static final UserTaskContract APPROVE_SIGNATURE = UserTaskContract
        .task(Tasks.APPROVE_SIGNATURE).form("form_approveSignature", Vars.DOCUMENT_VIEW.name())
        .inputs(Vars.APPROVED, Vars.COMMENT, Vars.AUTHORITY);
    public static final UserTaskContract NUMBER = UserTaskContract.task(Tasks.NUMBER)
        .form("form_numberDocument", Vars.DOCUMENT_VIEW.name()).inputs();

    private Contracts() {}
  }

  @Override
  public String key() {
    return KEY;
  }

  @Override
  public Collection<UserTaskContract> userTasks() {
    return List.of(Contracts.DRAFT, Contracts.GIVE_OPINION, Contracts.CONSOLIDATE,
        Contracts.CHECK_CONTENT, Contracts.CHECK_FORM, Contracts.APPROVE_SIGNATURE,
        Contracts.NUMBER);
  }

  @Override
  public Set<String> taskViewCopies() {
    return Set.of(Vars.DOCUMENT_VIEW.name());
  }

  OutgoingDocumentProcess() {}
}
