package vn.khcn.workflow.research;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.khcn.workflow.research.ResearchApi.vars;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.test.context.ActiveProfiles;
import vn.khcn.workflow.support.TestHttp.Response;

/**
 * One research task from dossier to archive, worked through the REST API and the Tasklist REST
 * calls as the demo users would, with the refusals people meet on the way.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class ResearchFlowTest {

  static final String HOST = "Trường Chính trị TP. Cần Thơ";
  static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");

  @Autowired TestRestTemplate rest;
  @Autowired TaskService taskService;
  @Autowired ManagementService managementService;
  @Autowired HistoryService historyService;

  ResearchApi api;

  @BeforeEach
  void setUp() {
    api = new ResearchApi(rest, taskService);
  }

  String submit() {
    Response created = api.submit("cv.qlkh", ResearchApi.dossier("Vai trò của Đảng ủy xã, phường"
        + " ở thành phố Cần Thơ bảo vệ nền tảng tư tưởng của Đảng " + UUID.randomUUID(), HOST,
        "chunhiem"), "thuyet-minh.pdf", ResearchApi.PDF);
    assertThat(created.status()).as("%s", created.body()).isEqualTo(201);
    assertThat(created.body().get("code").asText()).matches("DT-\\d{4}-\\d{2,}");
    return created.body().get("code").asText();
  }

  void runJobs(String code) {
    String pi = details(code).get("processInstanceId").asText();
    for (Job job : managementService.createJobQuery().processInstanceId(pi).messages().list()) {
      managementService.executeJob(job.getId());
    }
  }

  JsonNode details(String code) {
    Response response = api.get("giamdoc", "/api/research-tasks/" + code);
    assertThat(response.status()).isEqualTo(200);
    return response.body();
  }

  static String today() {
    return LocalDate.now(ZONE).toString();
  }

  static Map<String, Object> council(String... members) {
    return ResearchApi.council(members);
  }

  static Map<String, Object> ballot(int... scores) {
    return vars(AssignmentCouncilProcess.Vars.SCORE_URGENCY.name(), scores[0],
        AssignmentCouncilProcess.Vars.SCORE_CONTENT.name(), scores[1],
        AssignmentCouncilProcess.Vars.SCORE_METHOD.name(), scores[2],
        AssignmentCouncilProcess.Vars.SCORE_PRODUCTS.name(), scores[3],
            AssignmentCouncilProcess.Vars.SCORE_CAPACITY.name(), scores[4],
            ResearchTaskProcess.Vars.COMMENT.name(), "Đề nghị bổ sung phương"
            + " pháp khảo sát tại các xã, phường sau sắp xếp");
  }

  @Test
  void fromDossierToArchiveWithRevisionExtensionAndMidterm() {
    String code = submit();

    // 1. dossier: missing items without a list is refused; then requested, resubmitted, valid
    Response refused = api.complete("cv.qlkh", api.task(code,
        ResearchTaskProcess.Tasks.CHECK_DOSSIER, null),
        vars(ResearchTaskProcess.Vars.VALID.name(), false));
    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.body().get("message").asText()).contains(ResearchTaskProcess.Vars.MISSING_ITEMS.name());
    api.work("cv.qlkh", code, ResearchTaskProcess.Tasks.CHECK_DOSSIER, null,
        vars(ResearchTaskProcess.Vars.VALID.name(), false,
        // as long as a form may send: more than the 2,000 characters its column once held
        ResearchTaskProcess.Vars.MISSING_ITEMS.name(), "Thiếu dự toán kinh phí chi tiết. "
            + "Bổ sung bảng tính định mức cho từng nội dung chi. ".repeat(50),
        ResearchTaskProcess.Vars.RESUBMIT_DAYS.name(), 5));
    api.work("chunhiem", code, ResearchTaskProcess.Tasks.RESUBMIT_DOSSIER, "chunhiem",
        vars(ResearchTaskProcess.Vars.NOTE.name(), "Đã bổ sung dự toán kinh phí"));
    api.work("cv.qlkh", code, ResearchTaskProcess.Tasks.CHECK_DOSSIER, null,
        vars(ResearchTaskProcess.Vars.VALID.name(), true));

    // 2. council: a member of the host organisation is refused
    Response hostMember = api.complete("giamdoc", api.task(code,
        AssignmentCouncilProcess.Tasks.APPOINT_COUNCIL, null),
        council("hd.uyvien1", "hd.uyvien4"));
    assertThat(hostMember.status()).isEqualTo(400);
    assertThat(hostMember.body().get("message").asText()).contains("thuộc cơ quan chủ trì");
    Response tooSmall = api.complete("giamdoc", api.task(code,
        AssignmentCouncilProcess.Tasks.APPOINT_COUNCIL, "giamdoc"),
        council("hd.uyvien1"));
    assertThat(tooSmall.body().get("message").asText()).contains("từ 7 đến 9");
    api.work("giamdoc", code, AssignmentCouncilProcess.Tasks.APPOINT_COUNCIL, "giamdoc",
        council("hd.uyvien1", "hd.uyvien2"));

    List<String> members = new ArrayList<>(List.of("hd.chutich", "hd.phochutich", "hd.thuky",
        "hd.phanbien1", "hd.phanbien2", "hd.uyvien1"));
    for (String member : members) {
      api.work(member, code, AssignmentCouncilProcess.Tasks.DECLARE_CONFLICT, member,
          vars(AssignmentCouncilProcess.Vars.NO_CONFLICT.name(), true));
    }
    api.work("hd.uyvien2", code, AssignmentCouncilProcess.Tasks.DECLARE_CONFLICT, "hd.uyvien2",
        vars(AssignmentCouncilProcess.Vars.NO_CONFLICT.name(), false,
            ResearchTaskProcess.Vars.NOTE.name(), "Là giảng viên thỉnh giảng của cơ quan chủ trì. "
                + "Có quan hệ công tác với chủ nhiệm nhiệm vụ. ".repeat(30)));
    api.work("giamdoc", code, AssignmentCouncilProcess.Tasks.APPOINT_REPLACEMENT, null,
        vars(AssignmentCouncilProcess.Vars.REPLACEMENT.name(), "hd.uyvien3"));
    api.work("hd.uyvien3", code, AssignmentCouncilProcess.Tasks.DECLARE_CONFLICT, "hd.uyvien3",
        vars(AssignmentCouncilProcess.Vars.NO_CONFLICT.name(), true));
    members.add("hd.uyvien3");

    Response badScore = api.complete("hd.chutich", api.task(code,
        AssignmentCouncilProcess.Tasks.SCORE_PROPOSAL, "hd.chutich"),
        ballot(16, 20, 16, 20, 12));
    assertThat(badScore.status()).isEqualTo(400);
    for (String member : members) {
      int[] scores = member.equals("hd.uyvien1") ? new int[] {5, 8, 6, 8, 5}
          : new int[] {12, 20, 16, 20, 12};
      api.work(member, code, AssignmentCouncilProcess.Tasks.SCORE_PROPOSAL, member, ballot(scores));
    }

    // the first meeting lacks a quorum and is re-run
    api.work("hd.thuky", code, AssignmentCouncilProcess.Tasks.RECORD_MEETING, "hd.thuky",
        vars(AssignmentCouncilProcess.Vars.MEETING_DATE.name(), today(),
        AssignmentCouncilProcess.Vars.PRESENT.name(), List.of("hd.chutich", "hd.thuky",
            "hd.phanbien1", "hd.uyvien1"),
        AssignmentCouncilProcess.Vars.REVISIONS_REQUIRED.name(), false));
    JsonNode afterFirst = details(code);
    assertThat(afterFirst.get("councils").get(0).get("quorumProblem").asText())
        .contains("4/7").contains("phản biện");
    api.work("hd.thuky", code, AssignmentCouncilProcess.Tasks.RECORD_MEETING, "hd.thuky",
        vars(AssignmentCouncilProcess.Vars.MEETING_DATE.name(), today(),
        AssignmentCouncilProcess.Vars.PRESENT.name(), members,
            AssignmentCouncilProcess.Vars.REVISIONS_REQUIRED.name(), true,
            AssignmentCouncilProcess.Vars.REQUIRED_REVISIONS.name(),
        "Làm rõ phương pháp khảo sát; bổ sung mô hình thí điểm"));
    JsonNode concluded = details(code);
    assertThat(concluded.get("verdict").asText()).isEqualTo("ASSIGN_AFTER_REVISION");
    JsonNode councilView = concluded.get("councils").get(0);
    assertThat(councilView.get("meanScore").asDouble()).isEqualTo(80.0);
    assertThat(councilView.get("members").toString()).contains("\"ballotValid\":false");
    assertThat(concluded.get("revisionDueAt").isNull()).isFalse();

    // 3. revision: the revised outline must be uploaded first
    Response noFile = api.complete("chunhiem", api.task(code,
        AssignmentCouncilProcess.Tasks.SUBMIT_REVISION, "chunhiem"),
        vars(AssignmentCouncilProcess.Vars.RESPONSE_NOTE.name(), "Đã tiếp thu"));
    assertThat(noFile.status()).isEqualTo(400);
    assertThat(api.upload("chunhiem", code, "REVISED_OUTLINE", "thuyet-minh-sua.pdf",
        ResearchApi.PDF).status()).isEqualTo(201);
    // long texts (ADR 0044): as long as their forms allow, twice what the engine keeps in a string
    String responseNote = longText("Đã tiếp thu toàn bộ ý kiến hội đồng về mục tiêu và nội dung. ");
    api.work("chunhiem", code, AssignmentCouncilProcess.Tasks.SUBMIT_REVISION, "chunhiem",
        vars(AssignmentCouncilProcess.Vars.RESPONSE_NOTE.name(), responseNote));
    api.work("hd.thuky", code, AssignmentCouncilProcess.Tasks.VERIFY_REVISION, "hd.thuky",
        vars(ResearchTaskProcess.Vars.ACCEPTED.name(), true));
    api.work("hd.chutich", code, AssignmentCouncilProcess.Tasks.CONFIRM_REVISION, "hd.chutich",
        vars(ResearchTaskProcess.Vars.ACCEPTED.name(), true));

    // 4. budget and contract
    api.appraisedByTeam(code, 800_000_000L);
    Response tooMuch = api.complete("phogiamdoc", api.task(code,
        ResearchTaskProcess.Tasks.APPRAISE_BUDGET, "phogiamdoc"),
        vars(ResearchTaskProcess.Vars.APPROVED_BUDGET.name(), 900_000_000L,
            ResearchTaskProcess.Vars.APPRAISAL_NOTE.name(), "Đủ"));
    assertThat(tooMuch.body().get("message").asText()).contains("không được vượt");
    api.work("phogiamdoc", code, ResearchTaskProcess.Tasks.APPRAISE_BUDGET, "phogiamdoc",
        vars(ResearchTaskProcess.Vars.APPROVED_BUDGET.name(), 800_000_000L,
        ResearchTaskProcess.Vars.APPRAISAL_NOTE.name(), "Giảm chi hội thảo theo định mức"));
    api.work("giamdoc", code, ResearchTaskProcess.Tasks.APPROVE_BUDGET, null,
        vars(ResearchTaskProcess.Vars.APPROVED.name(), true));
    LocalDate start = LocalDate.now(ZONE).plusDays(1);
    api.work("cv.khtc", code, ResearchTaskProcess.Tasks.RECORD_CONTRACT, null,
        vars(ResearchTaskProcess.Vars.CONTRACT_NUMBER.name(), "12/2026/HĐ-KHCN",
        ResearchTaskProcess.Vars.CONTRACT_DATE.name(), today(),
            ResearchTaskProcess.Vars.CONTRACT_AMOUNT.name(), 800_000_000L,
            ResearchTaskProcess.Vars.CONTRACT_START.name(), start.toString(),
        ResearchTaskProcess.Vars.CONTRACT_END.name(),
            start.plusMonths(24).minusDays(1).toString()));
    assertThat(details(code).get("stage").asText()).isEqualTo("IMPLEMENTATION");

    // 5. extension: too long; asked and refused, which does not use up the one extension; asked
    // again, a second request while it is pending is refused; granted
    Response tooLong = api.post("chunhiem", "/api/research-tasks/" + code + "/extension-requests",
        Map.of("months", 7, "reason", "Cần thêm thời gian thực nghiệm mô hình"));
    assertThat(tooLong.status()).isEqualTo(400);
    assertThat(tooLong.body().toString()).contains("tối đa 6 tháng");
    Response first = api.post("chunhiem", "/api/research-tasks/" + code + "/extension-requests",
        Map.of("months", 6, "reason", "Cần thêm thời gian thực nghiệm mô hình"));
    assertThat(first.status()).as("%s", first.body()).isEqualTo(201);
    api.work("giamdoc", code, ResearchTaskProcess.Tasks.DECIDE_EXTENSION, null,
        vars(ResearchTaskProcess.Vars.APPROVED.name(), false,
            ResearchTaskProcess.Vars.COMMENT.name(), "Chưa đủ căn cứ, bổ sung tiến độ thực tế"));
    LocalDate end = start.plusMonths(24).minusDays(1);
    assertThat(details(code).get("contract").get("end").asText()).isEqualTo(end.toString());
    Response asked = api.post("chunhiem", "/api/research-tasks/" + code + "/extension-requests",
        Map.of("months", 6, "reason", "Bổ sung tiến độ thực tế: thiết bị về chậm 5 tháng"));
    assertThat(asked.status()).as("a refused request leaves the one extension: %s", asked.body())
        .isEqualTo(201);
    Response again = api.post("chunhiem", "/api/research-tasks/" + code + "/extension-requests",
        Map.of("months", 3, "reason", "Lần nữa"));
    assertThat(again.status()).isEqualTo(400);
    assertThat(again.body().toString()).contains("1 lần");
    api.work("giamdoc", code, ResearchTaskProcess.Tasks.DECIDE_EXTENSION, null,
        vars(ResearchTaskProcess.Vars.APPROVED.name(), true));
    JsonNode extended = details(code);
    assertThat(extended.get("contract").get("end").asText())
        .isEqualTo(ImplementationRules.extendedEnd(end, 6).toString());
    assertThat(extended.get("extendedMonths").asInt()).isEqualTo(6);
    assertThat(extended.get("rulesRegime").asText()).as("approved after 1/10/2025")
        .isEqualTo("L93-2025");

    // 6. mid-term evaluation started by phong-qlkh
    assertThat(api.post("cv.qlkh", "/api/research-tasks/" + code + "/midterm-evaluation", null)
        .status()).isEqualTo(202);
    String midtermReport = longText("Đã hoàn thành 8 báo cáo chuyên đề và 2 hội thảo. ");
    api.work("chunhiem", code, MidtermEvaluationProcess.Tasks.SUBMIT_MIDTERM_REPORT, "chunhiem",
        vars(ResearchTaskProcess.Vars.REPORT.name(), midtermReport));
    Response laterEnd = api.complete("cv.qlkh", api.task(code,
        MidtermEvaluationProcess.Tasks.RECORD_FINDINGS, null),
        vars(MidtermEvaluationProcess.Vars.FINDINGS.name(), "Chậm tiến độ",
            MidtermEvaluationProcess.Vars.OUTCOME.name(), "ADJUST",
            MidtermEvaluationProcess.Vars.NEW_END_DATE.name(),
            ImplementationRules.extendedEnd(end, 8).toString()));
    assertThat(laterEnd.status()).as("the one extension is used").isEqualTo(400);
    assertThat(laterEnd.body().get("message").asText())
        .contains("điều chỉnh thời hạn giữa kỳ được tính là lần gia hạn");
    String findings = longText("Đúng tiến độ, sử dụng kinh phí đúng mục đích. ");
    api.work("cv.qlkh", code, MidtermEvaluationProcess.Tasks.RECORD_FINDINGS, null,
        vars(MidtermEvaluationProcess.Vars.FINDINGS.name(), findings,
            MidtermEvaluationProcess.Vars.OUTCOME.name(), "CONTINUE"));

    // 7. final dossier and acceptance
    assertThat(api.complete("chunhiem", api.task(code,
        ResearchTaskProcess.Tasks.SUBMIT_FINAL_DOSSIER, "chunhiem"),
        vars(ResearchTaskProcess.Vars.NOTE.name(), "Hồ sơ nghiệm thu")).status()).isEqualTo(400);
    api.upload("chunhiem", code, "FINAL_DOSSIER", "bao-cao-tong-hop.pdf", ResearchApi.PDF);
    api.work("chunhiem", code, ResearchTaskProcess.Tasks.SUBMIT_FINAL_DOSSIER, "chunhiem",
        vars(ResearchTaskProcess.Vars.NOTE.name(), "Hồ sơ nghiệm thu"));
    api.work("giamdoc", code, AcceptanceProcess.Tasks.APPOINT_COUNCIL, null, council("hd.uyvien1",
        "hd.uyvien3"));
    for (String member : members) {
      String grade = member.startsWith("hd.phanbien") ? "XUAT_SAC" : "DAT";
      api.work(member, code, AcceptanceProcess.Tasks.GRADE_RESULT, member,
          vars(AcceptanceProcess.Vars.MEMBER_GRADE.name(), grade,
              ResearchTaskProcess.Vars.COMMENT.name(), "Sản phẩm đáp ứng đặt hàng"));
    }
    api.work("hd.thuky", code, AcceptanceProcess.Tasks.RECORD_MEETING, "hd.thuky",
        vars(AssignmentCouncilProcess.Vars.MEETING_DATE.name(), today(),
            AssignmentCouncilProcess.Vars.PRESENT.name(), members));
    assertThat(details(code).get("grade").asText()).isEqualTo("DAT");
    api.work("chunhiem", code, AcceptanceProcess.Tasks.FIX_FINAL_DOSSIER, "chunhiem",
        vars(ResearchTaskProcess.Vars.NOTE.name(), "Đã chỉnh sửa báo cáo"));
    api.work("hd.chutich", code, AcceptanceProcess.Tasks.CONFIRM_FIXES, "hd.chutich",
        vars(ResearchTaskProcess.Vars.ACCEPTED.name(), true));
    api.work("cv.qlkh", code, ResearchTaskProcess.Tasks.REGISTER_RESULT, null,
        vars(ResearchTaskProcess.Vars.REGISTRATION_NUMBER.name(), "05/2027/ĐKKQ",
            ResearchTaskProcess.Vars.REGISTRATION_DATE.name(), today()));
    Response overSettled = api.complete("cv.khtc", api.task(code,
        ResearchTaskProcess.Tasks.LIQUIDATE_CONTRACT, null),
        vars(ResearchTaskProcess.Vars.LIQUIDATION_NUMBER.name(), "01/TL",
            ResearchTaskProcess.Vars.LIQUIDATION_DATE.name(), today(),
            ResearchTaskProcess.Vars.SETTLED_AMOUNT.name(),
            900_000_000L));
    assertThat(overSettled.status()).isEqualTo(400);
    api.work("cv.khtc", code, ResearchTaskProcess.Tasks.LIQUIDATE_CONTRACT, "cv.khtc",
        vars(ResearchTaskProcess.Vars.LIQUIDATION_NUMBER.name(), "01/TL",
        ResearchTaskProcess.Vars.LIQUIDATION_DATE.name(), today(),
            ResearchTaskProcess.Vars.SETTLED_AMOUNT.name(), 790_000_000L));
    runJobs(code);

    JsonNode done = details(code);
    assertThat(done.get("status").asText()).isEqualTo("ARCHIVED");
    assertThat(done.get("stage").asText()).isEqualTo("CLOSED");
    assertThat(done.get("councils")).hasSize(2);
    assertThat(done.get("extensionRequests").findValuesAsText("status"))
        .containsExactly("REFUSED", "GRANTED");
    assertThat(done.get("deadlines")).isEmpty();
    assertThat(done.get("trail").toString()).contains("CONFLICT_DECLARED", "MEMBER_REPLACED",
        "QUORUM_NOT_MET", "COUNCIL_CONCLUDED", "EXTENSION_GRANTED", "MIDTERM_FINDINGS", "GRADED",
        "ARCHIVED");
    assertThat(historyService.createHistoricProcessInstanceQuery().processInstanceBusinessKey(code)
        .unfinished().count()).isZero();
    assertThat(done.get("trail").findValuesAsText("detail")).as("recorded whole")
        .contains(responseNote).anyMatch(detail -> detail.endsWith(": " + findings));
    assertThat(done.get("midtermFindings").asText()).isEqualTo(findings);
    assertThat(done.get("reports").findValuesAsText("content")).contains(midtermReport);
    assertThat(historyService.createHistoricVariableInstanceQuery()
        .variableNameIn(AssignmentCouncilProcess.Vars.RESPONSE_NOTE.name(),
            ResearchTaskProcess.Vars.REPORT.name(), MidtermEvaluationProcess.Vars.FINDINGS.name())
        .count()).as("the engine kept none of them").isZero();
  }

  /** A text of exactly the 8,000 characters a long text may have. */
  static String longText(String sentence) {
    String end = " Hết.";
    return sentence.repeat(8000 / sentence.length() + 1).substring(0, 8000 - end.length()) + end;
  }

  @Test
  void invalidDossiersAreRefusedFieldByFieldAndNothingIsStored() {
    long before = historyService.createHistoricProcessInstanceQuery()
        .processDefinitionKey(ResearchTaskProcess.KEY).count();
    Response empty = api.submit("cv.qlkh", ResearchApi.dossier(null, " ", null),
        "a.pdf", ResearchApi.PDF);
    assertThat(empty.status()).isEqualTo(400);
    assertThat(empty.body().get("fieldErrors").toString()).contains("title", "hostOrganisation",
        "investigator");
    Map<String, Object> wrongUser = ResearchApi.dossier("Đề tài", HOST, "giamdoc");
    Response notInvestigator = api.submit("cv.qlkh", wrongUser, "a.pdf", ResearchApi.PDF);
    assertThat(notInvestigator.body().get("fieldErrors").toString()).contains("chu-nhiem");
    Response disguised = api.submit("cv.qlkh", ResearchApi.dossier("Đề tài", HOST, "chunhiem"),
        "thuyet-minh.docx", ResearchApi.PDF);
    assertThat(disguised.status()).isEqualTo(400);
    assertThat(disguised.body().toString()).contains("PDF");
    Response noFile = api.submit("cv.qlkh", ResearchApi.dossier("Đề tài", HOST, "chunhiem"),
        null, null);
    assertThat(noFile.body().get("fieldErrors").toString()).contains("outline");
    Response otherInvestigator = api.submit("chunhiem",
        ResearchApi.dossier("Đề tài", HOST, "chunhiem2"), "a.pdf", ResearchApi.PDF);
    assertThat(otherInvestigator.status()).isEqualTo(400);
    assertThat(api.submit("vanthu", ResearchApi.dossier("Đề tài", HOST, "chunhiem"), "a.pdf",
        ResearchApi.PDF).status()).isEqualTo(403);
    assertThat(historyService.createHistoricProcessInstanceQuery()
        .processDefinitionKey(ResearchTaskProcess.KEY).count()).isEqualTo(before);
  }

  @Test
  void investigatorsSeeTheirOwnTasksAndOutsidersNone() {
    String code = submit();
    assertThat(api.get("chunhiem", "/api/research-tasks/" + code).status()).isEqualTo(200);
    assertThat(api.get("vanthu", "/api/research-tasks/" + code).status()).isEqualTo(403);
    assertThat(api.get("hd.uyvien1", "/api/research-tasks/" + code).status()).isEqualTo(403);
    assertThat(api.get("vanthu", "/api/research-tasks").status()).isEqualTo(403);
    Response mine = api.get("chunhiem", "/api/research-tasks?status=ACTIVE&size=100");
    assertThat(mine.body().get("content").toString()).contains(code);
    assertThat(api.get("cv.qlkh", "/api/research-tasks?stage=NONSENSE").status()).isEqualTo(400);
    Response found = api.get("cv.qlkh", "/api/research-tasks?q=dang uy xa&size=100");
    assertThat(found.body().get("content").toString()).contains(code);
    assertThat(api.post("cv.qlkh", "/api/research-tasks/" + code + "/midterm-evaluation", null)
        .status()).as("no mid-term before the contract").isEqualTo(409);
  }

  @Test
  void decisionTablesAreCallableThroughTheEngineRestApi() {
    Response verdict = api.post("cv.qlkh",
        "/engine-rest/decision-definition/key/council-verdict/evaluate", Map.of("variables", Map.of(
            "meanScore", Map.of("value", 70.0, "type", "Double"),
            "maxZeroShare", Map.of("value", 0.25, "type", "Double"),
            AssignmentCouncilProcess.Vars.REVISIONS_REQUIRED.name(), Map.of("value", false, "type",
                "Boolean"),
            "passMark", Map.of("value", 70, "type", "Integer"),
            "zeroShareLimit", Map.of("value", 0.25, "type", "Double"))));
    assertThat(verdict.status()).as("%s", verdict.body()).isEqualTo(200);
    assertThat(verdict.body().get(0).get("verdict").get("value").asText()).isEqualTo("ASSIGN");
    assertThat(api.post("vanthu", "/engine-rest/decision-definition/key/council-verdict/evaluate",
        Map.of("variables", Map.of())).status())
        .as("without READ the table is not even visible to the registry").isEqualTo(404);
  }
}
