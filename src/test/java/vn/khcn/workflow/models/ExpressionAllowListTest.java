package vn.khcn.workflow.models;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.khcn.workflow.models.ModelValidatorTest.process;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/** Expressions are parsed and their syntax tree held against the allow-list (ADR 0013). */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class ExpressionAllowListTest {

  static final String BYPASS = "${'}' != '' ? ''.getClass().forName('java.lang.Runtime')"
      + ".getRuntime().exec('touch /tmp/pwned') : ''}";

  @Autowired ModelValidator validator;

  List<ModelProblem> check(String name, String content) {
    return validator.validate(Map.of(name, content.getBytes(StandardCharsets.UTF_8)));
  }

  List<ModelProblem> attribute(String attribute, String expression) {
    return check("a.bpmn", process("    <bpmn:serviceTask id=\"step\" " + attribute + "=\""
        + expression.replace("&", "&amp;").replace("\"", "&quot;").replace("<", "&lt;")
        + "\" />"));
  }

  List<ModelProblem> condition(String expression) {
    return check("c.bpmn", process("""
        <bpmn:endEvent id="end" />
        <bpmn:sequenceFlow id="flow_x" sourceRef="start" targetRef="end">
          <bpmn:conditionExpression>%s</bpmn:conditionExpression>
        </bpmn:sequenceFlow>
        """.formatted(expression.replace("&", "&amp;").replace("<", "&lt;"))));
  }

  @Test
  void theRegexBypassIsRefusedAndNamesFlowAndElement() {
    assertThat(condition(BYPASS)).isNotEmpty().allSatisfy(problem -> {
      assertThat(problem.element()).isEqualTo("flow_x");
      assertThat(problem.messageVi()).startsWith("bpmn:conditionExpression: ");
    }).extracting(ModelProblem::messageEn)
        .anyMatch(m -> m.contains("reach the engine") && m.contains("'getClass'"));
    assertThat(attribute("camunda:expression", BYPASS)).extracting(ModelProblem::messageVi)
        .anyMatch(m -> m.startsWith("camunda:expression: biểu thức không được truy cập engine"));
  }

  @Test
  void stringsWithBracesNestedExpressionsAndDeferredSyntaxAreParsed() {
    assertThat(condition("${x == '${' ? ''.class : '}'}")).extracting(ModelProblem::messageEn)
        .anyMatch(m -> m.contains("'class'"));
    assertThat(condition("${a}}${b}${''.getClass()}")).extracting(ModelProblem::messageEn)
        .anyMatch(m -> m.contains("'getClass'"));
    assertThat(condition("#{execution.getProcessEngineServices().getRuntimeService()}"))
        .extracting(ModelProblem::messageEn).anyMatch(m -> m.contains("getProcessEngineServices"));
    assertThat(condition("${ {'a': 1} }")).extracting(ModelProblem::messageEn)
        .anyMatch(m -> m.contains("does not parse"));
    assertThat(condition("${x = 1; y}")).extracting(ModelProblem::messageEn)
        .anyMatch(m -> m.contains("does not parse"));
    assertThat(condition("${(x -> x)(1)}")).isNotEmpty();
    assertThat(condition("${T(java.lang.Runtime).getRuntime()}")).isNotEmpty();
    assertThat(condition("${x['cl'.concat('ass')]}")).extracting(ModelProblem::messageEn)
        .anyMatch(m -> m.contains("not computed"));
    assertThat(condition("${execution['processEngine']}")).extracting(ModelProblem::messageEn)
        .anyMatch(m -> m.contains("'processEngine'"));
  }

  @Test
  void methodsOnlyOnWorkflowStepsAndVariableAccessors() {
    assertThat(attribute("camunda:expression", "${runtimeService.createProcessInstanceQuery()}"))
        .extracting(ModelProblem::messageEn).anyMatch(m -> m.contains("'runtimeService'"));
    assertThat(attribute("camunda:expression", "${documentText.trim()}"))
        .extracting(ModelProblem::messageEn)
        .anyMatch(m -> m.contains("only be called on workflow step beans"));
    assertThat(attribute("camunda:expression", "${execution.setVariable('x', 1)}"))
        .extracting(ModelProblem::messageEn)
        .anyMatch(m -> m.contains("only variable accessors"));
    assertThat(attribute("camunda:expression", "${fn:trim(x)}"))
        .extracting(ModelProblem::messageEn).anyMatch(m -> m.contains("function 'fn:trim'"));
    assertThat(attribute("camunda:expression", "${archiveDocumentStep.execute(execution)}"))
        .isEmpty();
    assertThat(condition("${execution.getVariable('x') != null and not approved or n > 2}"))
        .isEmpty();
    assertThat(attribute("camunda:candidateUsers", "${currentUser()}")).isEmpty();
  }

  @Test
  void everyAttributeAndTextIsChecked() {
    assertThat(check("mi.bpmn", process("""
        <bpmn:userTask id="review" camunda:candidateUsers="${execution.processEngine}">
          <bpmn:multiInstanceLoopCharacteristics camunda:collection="${''.class}" camunda:elementVariable="m">
            <bpmn:completionCondition>${java.lang.System.exit(0)}</bpmn:completionCondition>
          </bpmn:multiInstanceLoopCharacteristics>
          <bpmn:extensionElements>
            <camunda:inputOutput>
              <camunda:inputParameter name="p">${''.getClass()}<camunda:list /></camunda:inputParameter>
            </camunda:inputOutput>
          </bpmn:extensionElements>
        </bpmn:userTask>
        """))).extracting(ModelProblem::messageEn)
        .anyMatch(m -> m.startsWith("camunda:candidateUsers:") && m.contains("'processEngine'"))
        .anyMatch(m -> m.startsWith("camunda:collection:") && m.contains("'class'"))
        .anyMatch(m -> m.startsWith("bpmn:completionCondition:") && m.contains("'java'"))
        .anyMatch(m -> m.startsWith("camunda:inputParameter:") && m.contains("'getClass'"));
  }

  @Test
  void javaClassesInListenersAndVariableMappingsAreRefused() {
    assertThat(check("l.bpmn", process("""
        <bpmn:userTask id="task"><bpmn:extensionElements>
          <camunda:taskListener event="create" class="java.lang.Runtime" />
        </bpmn:extensionElements></bpmn:userTask>
        <bpmn:callActivity id="call" calledElement="test-process" camunda:variableMappingClass="x.Y" />
        """))).extracting(ModelProblem::element, ModelProblem::messageEn)
        .anyMatch(p -> "task".equals(p.toList().get(0))
            && String.valueOf(p.toList().get(1)).contains("camunda:class is not allowed"))
        .anyMatch(p -> "call".equals(p.toList().get(0))
            && String.valueOf(p.toList().get(1)).contains("camunda:class is not allowed"));
  }

  static String dmn(String language, String input, String output) {
    return """
        <?xml version="1.0" encoding="UTF-8"?>
        <definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/"
            xmlns:camunda="http://camunda.org/schema/1.0/dmn" id="d" name="d" namespace="n">
          <decision id="x" name="x" camunda:historyTimeToLive="30">
            <decisionTable id="t">
              <input id="i"><inputExpression id="ie" typeRef="integer" %1$s><text>score</text></inputExpression></input>
              <output id="o" name="o" typeRef="string"/>
              <rule id="r">
                <inputEntry id="entry_in" %1$s><text>%2$s</text></inputEntry>
                <outputEntry id="entry_out" %1$s><text>%3$s</text></outputEntry>
              </rule>
            </decisionTable>
          </decision>
        </definitions>
        """.formatted(language, input.replace("&", "&amp;").replace("<", "&lt;"),
        output.replace("&", "&amp;").replace("<", "&lt;"));
  }

  @Test
  void decisionTablesInJuelAndFeelAreParsed() {
    assertThat(check("ok.dmn", dmn("", "< 70", "upper case(\"dat\")"))).isEmpty();
    assertThat(check("juel.dmn", dmn("expressionLanguage=\"juel\"", "${score < 70}",
        "${''.getClass().forName('java.lang.Runtime')}")))
        .isNotEmpty().allSatisfy(problem -> {
          assertThat(problem.element()).isEqualTo("entry_out");
          assertThat(problem.messageEn()).startsWith("outputEntry:");
        }).extracting(ModelProblem::messageEn).anyMatch(m -> m.contains("'getClass'"));
    assertThat(check("bare.dmn", dmn("expressionLanguage=\"juel\"", "score < 70",
        "execution.processEngineServices"))).extracting(ModelProblem::messageEn)
        .anyMatch(m -> m.contains("'processEngineServices'"));
    assertThat(check("java.dmn", dmn("", "< 70",
        "{f: function(x) external { java: { class: \"java.lang.System\", method signature:"
            + " \"exit(int)\" } }, r: f(0)}.r"))).extracting(ModelProblem::messageEn)
        .anyMatch(m -> m.contains("External functions are disabled"));
    assertThat(check("def.dmn", dmn("", "< 70", "{f: function(x) x + 1, r: f(1)}.r")))
        .extracting(ModelProblem::messageEn)
        .anyMatch(m -> m.contains("FEEL function definitions are not allowed"))
        .anyMatch(m -> m.contains("FEEL function 'f'"));
    assertThat(check("call.dmn", dmn("", "< loadClass(\"x\")", "\"a\"")))
        .singleElement().satisfies(problem -> {
          assertThat(problem.element()).isEqualTo("entry_in");
          assertThat(problem.messageEn()).contains("FEEL function 'loadClass'");
        });
    assertThat(check("path.dmn", dmn("", "-", "score.class"))).extracting(ModelProblem::messageEn)
        .anyMatch(m -> m.contains("'class'"));
    assertThat(check("broken.dmn", dmn("", "< < 70", "\"a\""))).extracting(ModelProblem::messageEn)
        .anyMatch(m -> m.contains("FEEL expression does not parse"));
  }
}
