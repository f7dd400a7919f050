package vn.khcn.workflow.models;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class ModelValidatorTest {

  @Autowired ModelValidator validator;

  static String process(String body) {
    return process(body, "camunda:historyTimeToLive=\"30\"");
  }

  static String process(String body, String processAttributes) {
    return """
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
            xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="d" targetNamespace="t">
          <bpmn:process id="test-process" isExecutable="true" %s>
            <bpmn:startEvent id="start" />
        %s
          </bpmn:process>
        </bpmn:definitions>
        """.formatted(processAttributes, body);
  }

  List<ModelProblem> check(String name, String content) {
    return validator.validate(Map.of(name, content.getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void theDepartmentsOwnModelsPass() throws IOException {
    Map<String, byte[]> resources = new LinkedHashMap<>();
    try (Stream<Path> files = Files.walk(Path.of("processes"))) {
      // the models (research-rules/*.json are rules regimes, deployed by their own deployer)
      for (Path file : files.filter(Files::isRegularFile).filter(f -> f.toString()
          .matches(".*\\.(bpmn|dmn|form)$")).toList()) {
        resources.put(file.toString(), Files.readAllBytes(file));
      }
    }
    assertThat(resources).hasSizeGreaterThanOrEqualTo(6);
    assertThat(validator.validate(resources)).isEmpty();
  }

  @Test
  void allowListedBeansAndVariablesPass() {
    assertThat(check("ok.bpmn", process("""
        <bpmn:serviceTask id="step" camunda:delegateExpression="${archiveDocumentStep}" />
        <bpmn:userTask id="task" camunda:candidateGroups="${unit}" camunda:dueDate="${handlingDueDate}" />
        """))).isEmpty();
  }

  @Test
  void scriptsAndJavaClassesAreRefused() {
    List<ModelProblem> script = check("s.bpmn", process(
        "    <bpmn:scriptTask id=\"scriptTask_x\" scriptFormat=\"groovy\"><bpmn:script>1</bpmn:script></bpmn:scriptTask>"));
    assertThat(script).extracting(ModelProblem::element).contains("scriptTask_x");
    assertThat(script.get(0).line()).isEqualTo(6);
    assertThat(script.get(0).messageVi()).contains("script task");
    assertThat(script.get(0).messageEn()).contains("script tasks are not allowed");

    assertThat(check("l.bpmn", process("""
        <bpmn:userTask id="task"><bpmn:extensionElements>
          <camunda:taskListener event="create"><camunda:script scriptFormat="javascript">x</camunda:script></camunda:taskListener>
        </bpmn:extensionElements></bpmn:userTask>
        """))).extracting(ModelProblem::messageEn).anyMatch(m -> m.contains("scripts in listeners"));

    assertThat(check("c.bpmn", process(
        "    <bpmn:serviceTask id=\"serviceTask_java\" camunda:class=\"java.lang.Runtime\" />")))
        .extracting(ModelProblem::messageEn).anyMatch(m -> m.contains("camunda:class"));

    assertThat(check("cond.bpmn", process("""
        <bpmn:sequenceFlow id="f" sourceRef="start" targetRef="start">
          <bpmn:conditionExpression language="javascript">true</bpmn:conditionExpression>
        </bpmn:sequenceFlow>
        """))).extracting(ModelProblem::messageEn).anyMatch(m -> m.contains("script conditions"));
  }

  @Test
  void expressionsMayNotReachOtherBeansOrTheEngine() {
    assertThat(check("b.bpmn", process(
        "    <bpmn:serviceTask id=\"t\" camunda:expression=\"${runtimeService.deleteProcessInstance(x, y)}\" />")))
        .extracting(ModelProblem::messageEn).anyMatch(m -> m.contains("'runtimeService'"));
    assertThat(check("e.bpmn", process(
        "    <bpmn:serviceTask id=\"t\" camunda:expression=\"${execution.getProcessEngineServices().getRuntimeService()}\" />")))
        .extracting(ModelProblem::messageEn).anyMatch(m -> m.contains("reach the engine"));
    assertThat(check("timer.bpmn", process("""
        <bpmn:intermediateCatchEvent id="wait"><bpmn:timerEventDefinition>
          <bpmn:timeDate>${registrationService.toString()}</bpmn:timeDate>
        </bpmn:timerEventDefinition></bpmn:intermediateCatchEvent>
        """))).extracting(ModelProblem::messageEn).anyMatch(m -> m.contains("'registrationService'"));
  }

  @Test
  void externalEntitiesAndBrokenXmlAreRefusedWithTheirLine() {
    List<ModelProblem> xxe = check("x.bpmn", """
        <?xml version="1.0"?>
        <!DOCTYPE d [<!ENTITY e SYSTEM "file:///etc/passwd">]>
        <d>&e;</d>
        """);
    assertThat(xxe).singleElement().extracting(ModelProblem::messageEn).asString().contains("DOCTYPE");
    List<ModelProblem> broken = check("broken.bpmn", process("    <bpmn:userTask id=\"t\">"));
    assertThat(broken).singleElement().satisfies(p -> {
      assertThat(p.line()).isGreaterThan(0);
      assertThat(p.messageEn()).contains("not well formed");
    });
  }

  @Test
  void historyTimeToLiveAndReferencesAreRequired() {
    assertThat(check("h.bpmn", process("", "")))
        .extracting(ModelProblem::messageEn).anyMatch(m -> m.contains("historyTimeToLive"));
    assertThat(check("call.bpmn", process("    <bpmn:callActivity id=\"call\" calledElement=\"no-such-process\" />")))
        .extracting(ModelProblem::messageEn).anyMatch(m -> m.contains("'no-such-process' does not exist"));
    assertThat(check("self.bpmn", process("    <bpmn:callActivity id=\"call\" calledElement=\"test-process\" />")))
        .as("a process shipped in the same deployment").isEmpty();
    assertThat(check("rule.bpmn", process("    <bpmn:businessRuleTask id=\"r\" camunda:decisionRef=\"no-such-decision\" />")))
        .extracting(ModelProblem::messageEn).anyMatch(m -> m.contains("'no-such-decision' does not exist"));
    assertThat(check("sla.bpmn", process("    <bpmn:businessRuleTask id=\"r\" camunda:decisionRef=\"dispatch-sla\" />")))
        .as("an already deployed decision").isEmpty();
  }

  @Test
  void decisionTablesAndFormsMustBeWellFormed() {
    String dmn = """
        <?xml version="1.0" encoding="UTF-8"?>
        <definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" id="d" name="d" namespace="n">
          <decision id="x" name="x"><decisionTable id="t"><output id="o" name="o" typeRef="string"/></decisionTable></decision>
        </definitions>
        """;
    assertThat(check("x.dmn", dmn)).extracting(ModelProblem::messageEn)
        .anyMatch(m -> m.contains("historyTimeToLive"));
    assertThat(check("bad.dmn", "<definitions xmlns=\"https://www.omg.org/spec/DMN/20191111/MODEL/\"><oops/></definitions>"))
        .isNotEmpty();
    assertThat(check("f.form", "{\"components\": ")).extracting(ModelProblem::messageEn)
        .anyMatch(m -> m.contains("not valid JSON"));
    assertThat(check("g.form", "{\"components\": []}")).isNotEmpty();
    assertThat(check("run.sh", "rm -rf /")).isNotEmpty();
  }
}
