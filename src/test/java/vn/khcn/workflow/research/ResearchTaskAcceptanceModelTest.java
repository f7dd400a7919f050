package vn.khcn.workflow.research;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.time.Duration;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import vn.khcn.workflow.research.ResearchTaskProcess.Beans;
import vn.khcn.workflow.research.ResearchTaskProcess.Elements;
import vn.khcn.workflow.research.ResearchTaskProcess.Tasks;
import vn.khcn.workflow.research.ResearchTaskProcess.Vars;
import vn.khcn.workflow.support.DeployedProcessModels;

/**
 * The acceptance of processes/research-task.bpmn (acceptance.bpmn): final dossier, grades,
 * quorum, refund and archiving, on a bare engine with the doubles of {@link ResearchModelDoubles}.
 */
class ResearchTaskAcceptanceModelTest extends ResearchTaskLifecycle {

  @RegisterExtension
  @Order(1)
  static ProcessEngineExtension engine = newEngineExtension();

  @RegisterExtension
  @Order(2)
  static DeployedProcessModels models = new DeployedProcessModels(engine);

  @Override
  ProcessEngineExtension engine() {
    return engine;
  }

  // ------------------------------------------------------------------ acceptance

  @ParameterizedTest
  @ValueSource(strings = {"XUAT_SAC", "DAT"})
  void aPassedTaskFixesItsDossierThenIsRegisteredLiquidatedAndArchived(String councilGrade) {
    ProcessInstance research = atFinalDossier();
    ProcessInstance acceptance = acceptance(research);
    assertThat(timers(research)).as("implementation timers are gone").isEmpty();
    grade = councilGrade;
    gradeAndMeet(acceptance);

    Task fix = task(AcceptanceProcess.Tasks.FIX_FINAL_DOSSIER, acceptance);
    assertThat(fix).isAssignedTo(INVESTIGATOR);
    assertThat(fix.getDueDate()).isEqualTo(in(Duration.ofDays(42)));
    complete(fix, withVariables(ResearchTaskProcess.Vars.NOTE.name(), "Đã hoàn thiện"));
    Task confirm = task(AcceptanceProcess.Tasks.CONFIRM_FIXES, acceptance);
    assertThat(confirm).isAssignedTo("cg.an");
    complete(confirm, withVariables(ResearchTaskProcess.Vars.ACCEPTED.name(), false,
        ResearchTaskProcess.Vars.COMMENT.name(), "Bổ sung phụ lục"));
    assertThat(acceptance).isWaitingAtExactly(AcceptanceProcess.Tasks.FIX_FINAL_DOSSIER);
    complete(task(AcceptanceProcess.Tasks.FIX_FINAL_DOSSIER, acceptance),
        withVariables(ResearchTaskProcess.Vars.NOTE.name(), "Đã bổ sung"));
    complete(task(AcceptanceProcess.Tasks.CONFIRM_FIXES, acceptance),
        withVariables(ResearchTaskProcess.Vars.ACCEPTED.name(), true));

    assertThat(acceptance).hasPassed(AcceptanceProcess.Elements.END_PASSED).isEnded();
    assertThat(research).variables().containsEntry(Vars.GRADE.name(), councilGrade);
    assertThat(task(Tasks.REGISTER_RESULT, research)).hasCandidateGroup("phong-qlkh");
    complete(task(Tasks.REGISTER_RESULT, research),
        withVariables(ResearchTaskProcess.Vars.REGISTRATION_NUMBER.name(), "KQ-2029-01",
        ResearchTaskProcess.Vars.REGISTRATION_DATE.name(), "2029-01-15"));
    assertThat(task(Tasks.LIQUIDATE_CONTRACT, research)).hasCandidateGroup("phong-khtc");
    complete(task(Tasks.LIQUIDATE_CONTRACT, research),
        withVariables(ResearchTaskProcess.Vars.LIQUIDATION_NUMBER.name(), "TL-01",
        ResearchTaskProcess.Vars.LIQUIDATION_DATE.name(), "2029-02-01",
            ResearchTaskProcess.Vars.SETTLED_AMOUNT.name(), 900_000_000L));

    assertThat(research).isWaitingAt(Elements.ARCHIVE);
    execute(job());
    assertThat(research).hasPassed(Tasks.REGISTER_RESULT, Tasks.LIQUIDATE_CONTRACT,
        Elements.ARCHIVE,
        Elements.END_ARCHIVED).hasNotPassed(Elements.ARCHIVE_FAILED).isEnded();
    assertThat(calls).containsSubsequence(AcceptanceProcess.Beans.OPEN + " 0",
        AcceptanceProcess.Beans.APPOINTMENT + " " + MEMBERS, AcceptanceProcess.Beans.MEETING,
        AcceptanceProcess.Beans.DECIDE + " true", AcceptanceProcess.Beans.FIX,
        AcceptanceProcess.Beans.FIX_CONFIRMATION + " false", AcceptanceProcess.Beans.FIX,
        AcceptanceProcess.Beans.FIX_CONFIRMATION + " true", Beans.RESULT_REGISTRATION,
            Beans.LIQUIDATION,
        Beans.ARCHIVE);
    assertThat(calls).filteredOn(c -> c.startsWith(AcceptanceProcess.Beans.GRADE)).hasSize(5);
  }

  @Test
  void aFailedTaskRecordsTheRefundRestrictsThePartiesAndIsArchivedAsFailed() {
    ProcessInstance research = atFinalDossier();
    monthsLate = 7;
    ProcessInstance acceptance = acceptance(research);
    grade = "KHONG_DAT";
    gradeAndMeet(acceptance);

    Task refund = task(AcceptanceProcess.Tasks.RECORD_REFUND, acceptance);
    assertThat(refund).hasCandidateGroup("phong-khtc");
    complete(refund, withVariables(AcceptanceProcess.Vars.DISBURSED_AMOUNT.name(), 600_000_000L,
        AcceptanceProcess.Vars.SPENT_AMOUNT.name(), 450_000_000L,
        ResearchTaskProcess.Vars.NOTE.name(), "Theo báo cáo quyết toán"));
    assertThat(acceptance).hasPassed("serviceTask_restrictParties",
        AcceptanceProcess.Elements.END_FAILED)
        .hasNotPassed(AcceptanceProcess.Tasks.FIX_FINAL_DOSSIER).isEnded();

    assertThat(research).isWaitingAt(Elements.ARCHIVE_FAILED);
    execute(job());
    assertThat(research).hasPassed(Elements.ARCHIVE_FAILED, Elements.END_FAILED)
        .hasNotPassed(Tasks.REGISTER_RESULT, Elements.ARCHIVE).isEnded();
    assertThat(calls).containsSubsequence(AcceptanceProcess.Beans.OPEN + " 7",
        AcceptanceProcess.Beans.REFUND + " 600000000/450000000", AcceptanceProcess.Beans.RESTRICT,
            Beans.ARCHIVE_FAILED);
  }

  @Test
  void withoutAQuorumTheAcceptanceCouncilMeetsAgain() {
    ProcessInstance research = atFinalDossier();
    ProcessInstance acceptance = acceptance(research);
    quorumMet = false;
    gradeAndMeet(acceptance);
    assertThat(acceptance).hasPassed("serviceTask_decideGrade")
        .isWaitingAtExactly(AcceptanceProcess.Tasks.RECORD_MEETING);

    quorumMet = true;
    grade = "DAT";
    meetForAcceptance(acceptance);
    assertThat(acceptance).isWaitingAtExactly(AcceptanceProcess.Tasks.FIX_FINAL_DOSSIER);
    assertThat(historicTasks(acceptance, AcceptanceProcess.Tasks.RECORD_MEETING)).isEqualTo(2);
    assertThat(calls).filteredOn(c -> c.startsWith(AcceptanceProcess.Beans.DECIDE))
        .containsExactly(AcceptanceProcess.Beans.DECIDE + " false",
            AcceptanceProcess.Beans.DECIDE + " true");
  }

  @Test
  void anAcceptanceCouncilNotAppointedInTimeIsEscalated() {
    ProcessInstance research = atFinalDossier();
    ProcessInstance acceptance = acceptance(research);
    Job overdue = timer(acceptance, AcceptanceProcess.Elements.APPOINTMENT_OVERDUE);
    assertThat(overdue.getDuedate()).isEqualTo(in(Duration.ofDays(21)));
    assertThat(task(AcceptanceProcess.Tasks.APPOINT_COUNCIL, acceptance).getDueDate())
        .isEqualTo(overdue.getDuedate());

    fire(acceptance, overdue);
    assertThat(acceptance).hasPassed(AcceptanceProcess.Elements.APPOINTMENT_OVERDUE,
        "serviceTask_escalateAppointment", "endEvent_appointmentEscalated")
        .isWaitingAtExactly(AcceptanceProcess.Tasks.APPOINT_COUNCIL);
    assertThat(calls).contains(AcceptanceProcess.Beans.ESCALATE + " ACCEPTANCE_COUNCIL");

    gradeAndMeet(acceptance);
    assertThat(acceptance).isWaitingAtExactly(AcceptanceProcess.Tasks.FIX_FINAL_DOSSIER);
  }
}
