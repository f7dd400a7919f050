package vn.khcn.workflow.research;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import vn.khcn.workflow.identity.ActorResolver;
import vn.khcn.workflow.identity.Groups;
import vn.khcn.workflow.shared.process.Variable;

/**
 * The two research tasks of the samples (demo profile), worked through the same services and
 * tasks as people would: the 2026 task (tin-hoi-dong-giao-truc-tiep-2026) waits at its assignment
 * council, whose members are declaring and scoring; the 2018 task (tin-danh-gia-giua-ky-2018,
 * contract 12/2016–11/2018) waits at its mid-term evaluation, the report submitted. The outline
 * files are short PDFs that say they summarise the Department's news item, not the real outline.
 */
@Component
@Order(110)
@ConditionalOnProperty(name = "khcn.demo.documents", havingValue = "true")
class DemoResearch implements ApplicationRunner {

  private static final Logger LOG = LoggerFactory.getLogger(DemoResearch.class);

  private final ResearchService service;
  /**
   * The samples do not give the host organisations' tax codes: these demo identities are visibly
   * not real ones (no province code 00).
   */
  static final String DEMO_CODE_2026 = "0000000001";
  static final String DEMO_CODE_2018 = "0000000002";

  private final ResearchTaskRepository tasks;
  private final ActorResolver actors;
  private final IdentityService identityService;
  private final TaskService taskService;

  private final RuleRegimes regimes;

  DemoResearch(ResearchService service, ResearchTaskRepository tasks, ActorResolver actors,
      IdentityService identityService, TaskService taskService, RuleRegimes regimes) {
    this.regimes = regimes;
    this.service = service;
    this.tasks = tasks;
    this.actors = actors;
    this.identityService = identityService;
    this.taskService = taskService;
  }

  @Override
  public void run(ApplicationArguments args) {
    if (tasks.count() > 0) {
      return;
    }
    String council2026 = submit(new DossierRequest("Vai trò của Đảng ủy xã, phường ở thành phố"
        + " Cần Thơ bảo vệ nền tảng tư tưởng của Đảng trong bối cảnh mới",
        "Khoa học xã hội và nhân văn", "Trường Chính trị TP. Cần Thơ", DEMO_CODE_2026, "chunhiem", 24,
        950_000_000L), "Đề tài do TS. Huỳnh Thanh Hiếu làm chủ nhiệm, Trường Chính trị TP. Cần Thơ"
        + " chủ trì; Hội đồng giao trực tiếp họp chiều 11/3/2026.");
    complete(council2026, ResearchTaskProcess.Tasks.CHECK_DOSSIER, "cv.qlkh",
        vars(ResearchTaskProcess.Vars.VALID, true));
    complete(council2026, AssignmentCouncilProcess.Tasks.APPOINT_COUNCIL, "giamdoc",
        councilOf("hd.uyvien1", "hd.uyvien2", "hd.uyvien3"));
    complete(council2026, AssignmentCouncilProcess.Tasks.DECLARE_CONFLICT, "hd.chutich",
        vars(AssignmentCouncilProcess.Vars.NO_CONFLICT, true));

    String midterm2018 = submit(new DossierRequest("Giải pháp nâng cao chất lượng sinh hoạt tổ"
        + " chức đảng cơ sở trực thuộc các đảng bộ cấp trên cơ sở thuộc thành phố Cần Thơ",
        "Khoa học xã hội và nhân văn", "Ban Tuyên giáo Thành ủy Cần Thơ", DEMO_CODE_2018, "chunhiem",
        24,
        600_000_000L), "Đề tài do ThS. Trần Văn Kiệt làm chủ nhiệm, Ban Tuyên giáo Thành ủy"
        + " chủ trì; thực hiện từ 12/2016 đến 11/2018; đánh giá giữa kỳ ngày 13/7/2018.");
    complete(midterm2018, ResearchTaskProcess.Tasks.CHECK_DOSSIER, "cv.qlkh",
        vars(ResearchTaskProcess.Vars.VALID, true));
    complete(midterm2018, AssignmentCouncilProcess.Tasks.APPOINT_COUNCIL, "giamdoc",
        councilOf("hd.uyvien1", "hd.uyvien3", "hd.uyvien4"));
    List<String> members = List.of("hd.chutich", "hd.phochutich", "hd.thuky", "hd.phanbien1",
        "hd.phanbien2", "hd.uyvien1", "hd.uyvien3", "hd.uyvien4");
    for (String member : members) {
      complete(midterm2018, AssignmentCouncilProcess.Tasks.DECLARE_CONFLICT, member,
          vars(AssignmentCouncilProcess.Vars.NO_CONFLICT, true));
    }
    for (String member : members) {
      complete(midterm2018, AssignmentCouncilProcess.Tasks.SCORE_PROPOSAL, member, vars(
          AssignmentCouncilProcess.Vars.SCORE_URGENCY, 13,
          AssignmentCouncilProcess.Vars.SCORE_CONTENT, 21,
          AssignmentCouncilProcess.Vars.SCORE_METHOD, 16,
          AssignmentCouncilProcess.Vars.SCORE_PRODUCTS, 20,
          AssignmentCouncilProcess.Vars.SCORE_CAPACITY, 12,
          ResearchTaskProcess.Vars.COMMENT,
          "Hướng nghiên cứu đúng đắn, có ý nghĩa lý luận và thực tiễn"));
    }
    complete(midterm2018, AssignmentCouncilProcess.Tasks.RECORD_MEETING, "hd.thuky", vars(
        AssignmentCouncilProcess.Vars.MEETING_DATE, "2016-11-15",
        AssignmentCouncilProcess.Vars.PRESENT, org.camunda.spin.plugin.variable.SpinValues
            .jsonValue("[\"hd.chutich\",\"hd.phochutich\",\"hd.thuky\",\"hd.phanbien1\","
                + "\"hd.phanbien2\",\"hd.uyvien1\",\"hd.uyvien3\"]").create(),
        AssignmentCouncilProcess.Vars.REVISIONS_REQUIRED, false));
    complete(midterm2018, ResearchTaskProcess.Tasks.APPOINT_APPRAISAL_TEAM, "cv.khtc", vars(
        ResearchTaskProcess.Vars.APPRAISAL_LEADER_FIELD, "phogiamdoc",
        ResearchTaskProcess.Vars.APPRAISAL_DEPUTY_FIELD, "tp.khtc",
        ResearchTaskProcess.Vars.APPRAISAL_FINANCE_FIELD, "hd.uyvien2",
        ResearchTaskProcess.Vars.APPRAISAL_MEMBER_FIELD, "hd.chutich",
        ResearchTaskProcess.Vars.APPRAISAL_SECRETARY_FIELD, "cv.khtc"));
    for (String appraiser : List.of("phogiamdoc", "tp.khtc", "hd.uyvien2", "hd.chutich",
        "cv.khtc")) {
      complete(midterm2018, ResearchTaskProcess.Tasks.GIVE_APPRAISAL_OPINION, appraiser, vars(
          ResearchTaskProcess.Vars.PROPOSED_BUDGET, 580_000_000L,
          ResearchTaskProcess.Vars.APPRAISAL_OPINION, "Giảm chi phí hội thảo theo định mức"));
    }
    complete(midterm2018, ResearchTaskProcess.Tasks.APPRAISE_BUDGET, "phogiamdoc", vars(
        ResearchTaskProcess.Vars.APPROVED_BUDGET, 580_000_000L,
        ResearchTaskProcess.Vars.APPRAISAL_NOTE, "Giảm chi phí hội thảo theo định mức"));
    complete(midterm2018, ResearchTaskProcess.Tasks.APPROVE_BUDGET, "giamdoc",
        vars(ResearchTaskProcess.Vars.APPROVED, true));
    // Approved in November 2016 in the sample: bound to the rules in force then, not today's.
    ResearchTask approved2016 = tasks.findByCode(midterm2018).orElseThrow();
    java.time.LocalDate approvedOn = java.time.LocalDate.of(2016, 11, 25);
    approved2016.bindRules(regimes.inForce(approvedOn).code(),
        approvedOn.atTime(9, 0).toInstant(java.time.ZoneOffset.ofHours(7)));
    tasks.save(approved2016);
    complete(midterm2018, ResearchTaskProcess.Tasks.RECORD_CONTRACT, "cv.khtc", vars(
        ResearchTaskProcess.Vars.CONTRACT_NUMBER, "45/2016/HĐ-KHCN",
        ResearchTaskProcess.Vars.CONTRACT_DATE, "2016-11-30",
        ResearchTaskProcess.Vars.CONTRACT_AMOUNT, 580_000_000L,
        ResearchTaskProcess.Vars.CONTRACT_START, "2016-12-01",
        ResearchTaskProcess.Vars.CONTRACT_END, "2018-11-30"));
    service.requestMidterm(midterm2018, actors.of("cv.qlkh"));
    complete(midterm2018, MidtermEvaluationProcess.Tasks.SUBMIT_MIDTERM_REPORT, "chunhiem", vars(
        ResearchTaskProcess.Vars.REPORT, "Từ 01/2017 đến 5/2018 đã thực hiện 12 báo cáo chuyên"
            + " đề và 02 hội thảo khoa học. Tiếp theo: đề xuất giải pháp và thực nghiệm mô hình"
            + " sinh hoạt chi bộ tại 7 chi bộ trong 6 tháng."));
    LOG.info("Demo research tasks in place: {} at its assignment council, {} at mid-term",
        council2026, midterm2018);
  }

  private String submit(DossierRequest dossier, String note) {
    String text = "Thuyết minh (tóm tắt từ tin của Sở KH&CN TP. Cần Thơ, không phải bản gốc): "
        + note;
    byte[] pdf = ("%PDF-1.4\n% " + text + "\n1 0 obj\n<<>>\nendobj\ntrailer\n%%EOF\n")
        .getBytes(StandardCharsets.UTF_8);
    return service.submit(dossier, "thuyet-minh.pdf", pdf, actors.of("cv.qlkh"),
        new ResearchQueries.Viewer("cv.qlkh", java.util.Set.of(Groups.PHONG_QLKH))).code();
  }

  private static Map<String, Object> councilOf(String... members) {
    Map<String, Object> fields = vars(AssignmentCouncilProcess.Vars.CHAIR_FIELD, "hd.chutich",
        AssignmentCouncilProcess.Vars.VICE_CHAIR_FIELD,
        "hd.phochutich", AssignmentCouncilProcess.Vars.SECRETARY_FIELD, "hd.thuky",
            AssignmentCouncilProcess.Vars.REVIEWER_1, "hd.phanbien1",
        AssignmentCouncilProcess.Vars.REVIEWER_2, "hd.phanbien2");
    for (int i = 0; i < members.length; i++) {
      fields.put(AssignmentCouncilProcess.Vars.MEMBER_FIELDS.get(i).name(), members[i]);
    }
    return fields;
  }

  /** Form inputs by their descriptor variables: variable, value, variable, value... */
  private static Map<String, Object> vars(Object... pairs) {
    Map<String, Object> variables = new java.util.HashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      variables.put(((Variable<?>) pairs[i]).name(), pairs[i + 1]);
    }
    return variables;
  }

  /** Completes the task as the user (claimed first, authenticated as the user). */
  private void complete(String code, String key, String user, Map<String, Object> variables) {
    List<Task> open = taskService.createTaskQuery().processInstanceBusinessKey(code)
        .taskDefinitionKey(key).list();
    Task task = open.stream().filter(t -> user.equals(t.getAssignee())).findFirst()
        .orElseGet(() -> open.stream().filter(t -> t.getAssignee() == null).findFirst()
            .orElseThrow(() -> new IllegalStateException("No open " + key + " for " + user)));
    List<String> groups = identityService.createGroupQuery().groupMember(user).list().stream()
        .map(org.camunda.bpm.engine.identity.Group::getId).toList();
    identityService.setAuthentication(user, groups);
    try {
      if (task.getAssignee() == null) {
        taskService.claim(task.getId(), user);
      }
      taskService.complete(task.getId(), variables);
    } finally {
      identityService.clearAuthentication();
    }
  }
}
