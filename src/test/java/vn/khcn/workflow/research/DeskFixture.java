package vn.khcn.workflow.research;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.khcn.workflow.research.ResearchApi.vars;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.task.Task;
import vn.khcn.workflow.support.TestHttp;

/**
 * Drives a research task through the APIs as the staff do (dossier check, the director's
 * appointment), so the portal's and the desk's tests start where their people come in.
 */
final class DeskFixture {

  static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");
  /** The demo council of seven (no member is of the tests' host organisations). */
  static final List<String> COUNCIL = List.of("hd.chutich", "hd.phochutich", "hd.thuky",
      "hd.phanbien1", "hd.phanbien2", "hd.uyvien1", "hd.uyvien2");

  final ResearchApi api;

  DeskFixture(ResearchApi api) {
    this.api = api;
  }

  /** A host organisation of its own, so restrictions and exclusions of other tests never apply. */
  static String host() {
    return "Trung tâm Ứng dụng tiến bộ khoa học và công nghệ " + UUID.randomUUID();
  }

  /** A dossier submitted by phong-qlkh for the investigator, checked valid. */
  String checked(String investigator) {
    String code = api.submitted("cv.qlkh", "Mô hình chuyển đổi số hợp tác xã nông nghiệp "
        + UUID.randomUUID(), host(), investigator);
    api.work("cv.qlkh", code, ResearchTaskProcess.Tasks.CHECK_DOSSIER, null, vars("valid", true));
    return code;
  }

  /** Checked and a council of seven appointed by the director. */
  String appointed(String investigator) {
    String code = checked(investigator);
    Task appoint = api.task(code, AssignmentCouncilProcess.Tasks.APPOINT_COUNCIL, null);
    TestHttp.Response appointed = api.post("giamdoc", "/api/inbox/" + appoint.getId()
        + "/council", Map.of("chair", "hd.chutich", "viceChair", "hd.phochutich",
            "secretary", "hd.thuky", "reviewer1", "hd.phanbien1", "reviewer2", "hd.phanbien2",
            "members", List.of("hd.uyvien1", "hd.uyvien2")));
    assertThat(appointed.status()).as("%s", appointed.text()).isEqualTo(204);
    return code;
  }

  /** Every member declares and scores (through the engine REST, as Tasklist does). */
  void scored(String code, String secretComment) {
    for (String member : COUNCIL) {
      api.work(member, code, AssignmentCouncilProcess.Tasks.DECLARE_CONFLICT, member,
          vars(AssignmentCouncilProcess.Vars.NO_CONFLICT.name(), true));
    }
    for (String member : COUNCIL) {
      api.work(member, code, AssignmentCouncilProcess.Tasks.SCORE_PROPOSAL, member,
          vars(AssignmentCouncilProcess.Vars.SCORE_URGENCY.name(), 12,
              AssignmentCouncilProcess.Vars.SCORE_CONTENT.name(), 20,
              AssignmentCouncilProcess.Vars.SCORE_METHOD.name(), 16,
              AssignmentCouncilProcess.Vars.SCORE_PRODUCTS.name(), 20,
              AssignmentCouncilProcess.Vars.SCORE_CAPACITY.name(), 12,
              ResearchTaskProcess.Vars.COMMENT.name(), secretComment + " " + member));
    }
  }

  /** The secretary's minutes with all present; revisions required or not. */
  void met(String code, boolean revisions) {
    api.work("hd.thuky", code, AssignmentCouncilProcess.Tasks.RECORD_MEETING, "hd.thuky",
        vars(AssignmentCouncilProcess.Vars.MEETING_DATE.name(), LocalDate.now(ZONE).toString(),
            AssignmentCouncilProcess.Vars.PRESENT.name(), COUNCIL,
            AssignmentCouncilProcess.Vars.REVISIONS_REQUIRED.name(), revisions,
            AssignmentCouncilProcess.Vars.REQUIRED_REVISIONS.name(),
            revisions ? "Làm rõ phương pháp khảo sát tại hợp tác xã" : null));
  }

  /** Assigned without revisions, the budget approved and a contract from start to end. */
  void contracted(String code, LocalDate start, LocalDate end) {
    met(code, false);
    api.appraisedByTeam(code, 800_000_000L);
    api.work(ResearchApi.APPRAISAL_TEAM.get(0), code, ResearchTaskProcess.Tasks.APPRAISE_BUDGET,
        ResearchApi.APPRAISAL_TEAM.get(0),
        vars(ResearchTaskProcess.Vars.APPROVED_BUDGET.name(), 800_000_000L,
            ResearchTaskProcess.Vars.APPRAISAL_NOTE.name(), "Theo định mức"));
    api.work("giamdoc", code, ResearchTaskProcess.Tasks.APPROVE_BUDGET, null,
        vars(ResearchTaskProcess.Vars.APPROVED.name(), true));
    api.work("cv.khtc", code, ResearchTaskProcess.Tasks.RECORD_CONTRACT, null,
        vars(ResearchTaskProcess.Vars.CONTRACT_NUMBER.name(), "7/2026/HĐ-KHCN",
            ResearchTaskProcess.Vars.CONTRACT_DATE.name(), LocalDate.now(ZONE).toString(),
            ResearchTaskProcess.Vars.CONTRACT_AMOUNT.name(), 800_000_000L,
            ResearchTaskProcess.Vars.CONTRACT_START.name(), start.toString(),
            ResearchTaskProcess.Vars.CONTRACT_END.name(), end.toString()));
  }
}
