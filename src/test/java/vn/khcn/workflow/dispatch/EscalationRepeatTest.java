package vn.khcn.workflow.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.VariableInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import vn.khcn.workflow.dispatch.IncomingDirectiveProcess.Vars;
import vn.khcn.workflow.support.TestHttp.Response;

/**
 * dispatch-sla's escalation repeat as the steps after the direction read it (ADR 0049): copied to
 * the instance when the direction is scheduled and read there by the direction, each unit's
 * deadline and the handler's schedule; an instance without the copy (started before it) reads
 * the decision's map. "Once" is an {@code R1/} cycle, "every working day" an {@code R/} one.
 */
class EscalationRepeatTest extends UnitHandlerSupport {

  @Autowired RuntimeService runtimeService;

  @Test
  void theStepsReadTheRepeatTheScheduleCopiedToTheInstance() {
    Doc doc = registered();
    assertThat(runtimeService.getVariable(doc.pi(), Vars.ESCALATION_REPEAT.name()))
        .as("dispatch-sla's escalationRepeatWorkingDays, copied").isEqualTo(1);
    // the copy, not the map, is what the later steps follow: "once" here, "daily" in the map
    runtimeService.setVariable(doc.pi(), Vars.ESCALATION_REPEAT.name(), 0);

    directAndNameHandler(doc);

    assertThat(cycles(doc, Vars.ASSIGNMENT_ESCALATION_CYCLE)).hasSize(2)
        .allMatch(cycle -> cycle.startsWith("R1/"));
    assertThat(cycles(doc, Vars.HANDLER_ESCALATION_CYCLE)).singleElement()
        .matches(cycle -> cycle.startsWith("R1/"));
    assertThat(cycles(doc, Vars.ESCALATION_CYCLE)).singleElement()
        .matches(cycle -> cycle.startsWith("R1/"));
  }

  @Test
  void anInstanceWithoutTheCopyReadsTheDecisionsMap() {
    Doc doc = registered();
    runtimeService.removeVariable(doc.pi(), Vars.ESCALATION_REPEAT.name());
    @SuppressWarnings("unchecked")
    Map<String, Object> sla = new LinkedHashMap<>(
        (Map<String, Object>) runtimeService.getVariable(doc.pi(), Vars.SLA.name()));
    sla.put(SlaValues.ESCALATION_REPEAT, 0);
    runtimeService.setVariable(doc.pi(), Vars.SLA.name(), sla);

    directAndNameHandler(doc);

    assertThat(cycles(doc, Vars.ASSIGNMENT_ESCALATION_CYCLE)).hasSize(2)
        .allMatch(cycle -> cycle.startsWith("R1/"));
    assertThat(cycles(doc, Vars.HANDLER_ESCALATION_CYCLE)).singleElement()
        .matches(cycle -> cycle.startsWith("R1/"));
  }

  @Test
  void everyWorkingDayAsTheDecisionSaysByDefault() {
    Doc doc = registered();
    directAndNameHandler(doc);
    assertThat(cycles(doc, Vars.ASSIGNMENT_ESCALATION_CYCLE)).hasSize(2)
        .allMatch(cycle -> cycle.startsWith("R/"));
    assertThat(cycles(doc, Vars.HANDLER_ESCALATION_CYCLE)).singleElement()
        .matches(cycle -> cycle.startsWith("R/"));
  }

  /** Phòng QLKH leads, Phòng KHTC co-ordinates; Phòng QLKH's head names its handler. */
  private void directAndNameHandler(Doc doc) {
    direct(doc);
    Map<String, Object> choice = new LinkedHashMap<>();
    choice.put("handler", "cv.qlkh");
    choice.put("dueDate", internalDue().toString());
    choice.put("note", "Dự thảo văn bản trả lời");
    Response named = api.post("tp.qlkh", doc.handlerPath("phong-qlkh"), choice);
    assertThat(named.status()).as(named.text()).isEqualTo(200);
  }

  private List<String> cycles(Doc doc, vn.khcn.workflow.shared.process.Variable<String> cycle) {
    return runtimeService.createVariableInstanceQuery().processInstanceIdIn(doc.pi())
        .variableName(cycle.name()).list().stream().map(VariableInstance::getValue)
        .map(String.class::cast).toList();
  }
}
