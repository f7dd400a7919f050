package vn.khcn.workflow.integrity;

import vn.khcn.workflow.dispatch.IncomingDirectiveProcess;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.khcn.workflow.support.TestHttp.variables;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import vn.khcn.workflow.identity.DemoUsers;
import vn.khcn.workflow.research.AssignmentCouncilProcess;
import vn.khcn.workflow.research.ResearchApi;
import vn.khcn.workflow.research.ResearchTaskProcess;
import vn.khcn.workflow.shared.process.ProcessDescriptor;
import vn.khcn.workflow.shared.process.UserTaskContract;
import vn.khcn.workflow.support.TestHttp.Response;

/**
 * Generated from {@link ProcessDescriptors#all()}: every user task contract with a live task (a
 * document directed and reported, a research task driven through its council) refuses a
 * completion carrying one variable outside its form.
 */
class ContractIntegrityTest extends IntegrityTestSupport {

  // ---------------------------------------------------------------- generated from the contracts

  @Test
  void everyContractWithALiveTaskRefusesAnExtraVariable() {
    Set<String> probed = new TreeSet<>();
    List<String> failures = new ArrayList<>();
    // Phòng QLKH has its head (the head names a handler), Phòng KHTC none (its group task)
    vn.khcn.workflow.support.UnitLeadersFixture.demoLeaders(unitLeaders);
    unitLeaders.replace("phong-khtc", null, List.of(), "test");
    Document document = register();
    probe(probed, failures);
    Task direction = task(document, IncomingDirectiveProcess.Tasks.GIVE_DIRECTION);
    claim("giamdoc", direction);
    assertThat(api.post("giamdoc", "/engine-rest/task/" + direction.getId() + "/complete",
        direction()).status()).isEqualTo(204);
    probe(probed, failures);
    Task handling = unitTask(document, "phong-khtc");
    claim("cv.khtc", handling);
    assertThat(api.post("cv.khtc", "/engine-rest/task/" + handling.getId() + "/complete",
        variables("result", "String", "Kết quả của phong-khtc")).status()).isEqualTo(204);
    String due = LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh")).plusDays(3).toString();
    while (!workAsAssignee(document, IncomingDirectiveProcess.Tasks.ASSIGN_HANDLER, "tp.qlkh",
        variables("handler", "String", "cv.qlkh", "handlerDueDate", "String", due))) {
      due = LocalDate.parse(due).plusDays(1).toString(); // a working day
    }
    probe(probed, failures);
    assertThat(workAsAssignee(document, IncomingDirectiveProcess.Tasks.PROPOSE_RESULT, "cv.qlkh",
        variables("result", "String", "Kết quả của phong-qlkh"))).isTrue();
    probe(probed, failures);
    assertThat(workAsAssignee(document, IncomingDirectiveProcess.Tasks.REVIEW_PROPOSAL, "tp.qlkh",
        variables("proposalApproved", "Boolean", true))).isTrue();
    probe(probed, failures);
    Task consolidate = task(document, IncomingDirectiveProcess.Tasks.CONSOLIDATE_REPORT);
    claim("cv.qlkh", consolidate);
    assertThat(api.post("cv.qlkh", "/engine-rest/task/" + consolidate.getId() + "/complete",
        variables("report", "String", "Báo cáo tổng hợp")).status()).isEqualTo(204);
    probe(probed, failures);
    researchThroughItsCouncil(() -> probe(probed, failures));

    assertThat(failures).isEmpty();
    Set<String> declared = new TreeSet<>();
    for (ProcessDescriptor descriptor : descriptors.all()) {
      descriptor.userTasks().forEach(c -> declared.add(descriptor.key() + "/" + c.taskKey()));
    }
    String council = AssignmentCouncilProcess.KEY + "/";
    String researchTask = ResearchTaskProcess.KEY + "/";
    List<String> reached = List.of("incoming-directive/giveDirection",
        "incoming-directive/handleAssignment", "incoming-directive/assignHandler",
        "incoming-directive/proposeResult", "incoming-directive/reviewProposal",
        "incoming-directive/consolidateReport",
        "incoming-directive/approveResult",
        researchTask + ResearchTaskProcess.Tasks.CHECK_DOSSIER,
        researchTask + ResearchTaskProcess.Tasks.RESUBMIT_DOSSIER,
        council + AssignmentCouncilProcess.Tasks.APPOINT_COUNCIL,
        council + AssignmentCouncilProcess.Tasks.DECLARE_CONFLICT,
        council + AssignmentCouncilProcess.Tasks.APPOINT_REPLACEMENT,
        council + AssignmentCouncilProcess.Tasks.SCORE_PROPOSAL,
        council + AssignmentCouncilProcess.Tasks.RECORD_MEETING,
        council + AssignmentCouncilProcess.Tasks.SUBMIT_REVISION,
        council + AssignmentCouncilProcess.Tasks.VERIFY_REVISION,
        council + AssignmentCouncilProcess.Tasks.CONFIRM_REVISION,
        researchTask + ResearchTaskProcess.Tasks.APPOINT_APPRAISAL_TEAM);
    assertThat(probed).as("contracts probed on a live task")
        .hasSizeGreaterThanOrEqualTo(reached.size()).containsAll(reached).isSubsetOf(declared);
  }

  /**
   * A research task driven from its dossier (sent back once) through its council (a conflict and
   * a replacement, ballots, a meeting asking for revisions, the revision verified and confirmed)
   * to the budget appraisal, as the demo users; step runs after each stage. A task a probe
   * claimed is worked by whoever claimed it.
   */
  void researchThroughItsCouncil(Runnable step) {
    String code = submitDossier();
    step.run();
    workAs("cv.qlkh", code, ResearchTaskProcess.Tasks.CHECK_DOSSIER, ResearchApi.vars(
        ResearchTaskProcess.Vars.VALID, false, ResearchTaskProcess.Vars.MISSING_ITEMS,
        "Thiếu dự toán kinh phí chi tiết", ResearchTaskProcess.Vars.RESUBMIT_DAYS, 5));
    step.run();
    workAs("chunhiem", code, ResearchTaskProcess.Tasks.RESUBMIT_DOSSIER,
        ResearchApi.vars(ResearchTaskProcess.Vars.NOTE, "Đã bổ sung dự toán kinh phí"));
    workAs("cv.qlkh", code, ResearchTaskProcess.Tasks.CHECK_DOSSIER,
        ResearchApi.vars(ResearchTaskProcess.Vars.VALID, true));
    step.run();
    workAs("giamdoc", code, AssignmentCouncilProcess.Tasks.APPOINT_COUNCIL,
        ResearchApi.council("hd.uyvien1", "hd.uyvien2"));
    step.run();
    List<String> members = new ArrayList<>(COUNCIL);
    members.remove("hd.uyvien2");
    for (String member : members) {
      research.work(member, code, AssignmentCouncilProcess.Tasks.DECLARE_CONFLICT, member,
          noConflict());
    }
    research.work("hd.uyvien2", code, AssignmentCouncilProcess.Tasks.DECLARE_CONFLICT,
        "hd.uyvien2", ResearchApi.vars(AssignmentCouncilProcess.Vars.NO_CONFLICT, false,
            ResearchTaskProcess.Vars.NOTE, "Là giảng viên thỉnh giảng của cơ quan chủ trì"));
    step.run();
    workAs("giamdoc", code, AssignmentCouncilProcess.Tasks.APPOINT_REPLACEMENT,
        ResearchApi.vars(AssignmentCouncilProcess.Vars.REPLACEMENT, "hd.uyvien3"));
    research.work("hd.uyvien3", code, AssignmentCouncilProcess.Tasks.DECLARE_CONFLICT,
        "hd.uyvien3", noConflict());
    members.add("hd.uyvien3");
    for (String member : members) {
      research.work(member, code, AssignmentCouncilProcess.Tasks.SCORE_PROPOSAL, member,
          ballot());
    }
    step.run();
    Map<String, Object> meeting = meetingWithRevisions();
    meeting.put(AssignmentCouncilProcess.Vars.PRESENT.name(), members);
    research.work("hd.thuky", code, AssignmentCouncilProcess.Tasks.RECORD_MEETING, "hd.thuky",
        meeting);
    step.run();
    assertThat(research.upload("chunhiem", code, "REVISED_OUTLINE", "thuyet-minh-sua.pdf",
        ResearchApi.PDF).status()).isEqualTo(201);
    research.work("chunhiem", code, AssignmentCouncilProcess.Tasks.SUBMIT_REVISION, "chunhiem",
        ResearchApi.vars(AssignmentCouncilProcess.Vars.RESPONSE_NOTE, "Đã tiếp thu"));
    step.run();
    research.work("hd.thuky", code, AssignmentCouncilProcess.Tasks.VERIFY_REVISION, "hd.thuky",
        ResearchApi.vars(ResearchTaskProcess.Vars.ACCEPTED, true));
    step.run();
    research.work("hd.chutich", code, AssignmentCouncilProcess.Tasks.CONFIRM_REVISION,
        "hd.chutich", ResearchApi.vars(ResearchTaskProcess.Vars.ACCEPTED, true));
    step.run();
  }

  /**
   * Completes the document's task with this key as its assignee (a probe may have claimed it),
   * or as user when unassigned; false when refused with 400 (a due date on a day off).
   */
  boolean workAsAssignee(Document document, String key, String user, Map<String, Object> values) {
    Task task = task(document, key);
    String worker = task.getAssignee() == null ? user : task.getAssignee();
    Response done = api.post(worker, "/engine-rest/task/" + task.getId() + "/complete", values);
    assertThat(done.status()).as("%s by %s: %s", key, worker, done.text()).isIn(204, 400);
    return done.status() == 204;
  }

  /** Completes the task of code with this key as its assignee, or as user when unassigned. */
  void workAs(String user, String code, String key, Map<String, Object> values) {
    Task task = research.task(code, key, null);
    String worker = task.getAssignee() == null ? user : task.getAssignee();
    Response done = research.complete(worker, task, values);
    assertThat(done.status()).as("%s by %s: %s", key, worker, done.text()).isIn(200, 204);
  }

  /**
   * For every declared contract not yet probed that has an open task: a person allowed to
   * complete it (its assignee, or a demo member of a candidate group, who claims it) completes
   * with one variable outside the form; 400 naming it, and the task stays open as it was.
   */
  void probe(Set<String> probed, List<String> failures) {
    for (ProcessDescriptor descriptor : descriptors.all()) {
      for (UserTaskContract contract : descriptor.userTasks()) {
        String name = descriptor.key() + "/" + contract.taskKey();
        if (probed.contains(name)) {
          continue;
        }
        Task task = taskService.createTaskQuery().processDefinitionKey(descriptor.key())
            .taskDefinitionKey(contract.taskKey()).active().listPage(0, 1).stream().findFirst()
            .orElse(null);
        String user = task == null ? null : personFor(task);
        if (user == null) {
          continue;
        }
        probed.add(name);
        if (task.getAssignee() == null) {
          claim(user, task);
        }
        Snapshot before = snapshot(task.getProcessInstanceId());
        Response response = api.post(user, "/engine-rest/task/" + task.getId() + "/complete",
            variables("khongCoTrongBieuMau", "String", "x"));
        if (response.status() != 400
            || !response.body().path("message").asText().contains("khongCoTrongBieuMau")) {
          failures.add(name + ": " + response.status() + " " + response.text());
        } else if (!before.equals(snapshot(task.getProcessInstanceId()))) {
          failures.add(name + ": changed");
        }
      }
    }
  }

  private String personFor(Task task) {
    if (task.getAssignee() != null) {
      return task.getAssignee();
    }
    for (IdentityLink link : taskService.getIdentityLinksForTask(task.getId())) {
      if (link.getUserId() != null) {
        return link.getUserId();
      }
      for (DemoUsers.DemoUser demo : DemoUsers.USERS) {
        if (demo.groupId().equals(link.getGroupId())) {
          return demo.id();
        }
      }
    }
    return null;
  }
}
