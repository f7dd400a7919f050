package vn.khcn.workflow.models;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import org.camunda.bpm.impl.juel.AstBinary;
import org.camunda.bpm.impl.juel.AstBoolean;
import org.camunda.bpm.impl.juel.AstBracket;
import org.camunda.bpm.impl.juel.AstChoice;
import org.camunda.bpm.impl.juel.AstComposite;
import org.camunda.bpm.impl.juel.AstDot;
import org.camunda.bpm.impl.juel.AstEval;
import org.camunda.bpm.impl.juel.AstFunction;
import org.camunda.bpm.impl.juel.AstIdentifier;
import org.camunda.bpm.impl.juel.AstMethod;
import org.camunda.bpm.impl.juel.AstNested;
import org.camunda.bpm.impl.juel.AstNode;
import org.camunda.bpm.impl.juel.AstNull;
import org.camunda.bpm.impl.juel.AstNumber;
import org.camunda.bpm.impl.juel.AstParameters;
import org.camunda.bpm.impl.juel.AstProperty;
import org.camunda.bpm.impl.juel.AstString;
import org.camunda.bpm.impl.juel.AstText;
import org.camunda.bpm.impl.juel.AstUnary;
import org.camunda.bpm.impl.juel.Builder;
import org.camunda.bpm.impl.juel.Node;
import org.camunda.bpm.impl.juel.Tree;
import org.camunda.bpm.impl.juel.jakarta.el.ELException;

/**
 * The allow-list of JUEL expressions, checked on the syntax tree the engine itself builds (Camunda's
 * JUEL parser, with the features the engine enables), never on the text. Allowed: literals,
 * operators, identifiers (process variables or {@code @WorkflowStep} beans), property reads, method
 * calls on a {@code @WorkflowStep} bean, a few variable accessors on {@code execution} and
 * {@code task}, and Camunda's own functions ({@code currentUser()} …). Anything else, and any
 * member that leads to classes, class loaders, reflection or the engine, is refused. JUEL has no
 * lambdas, assignment, semicolons or {@code T(...)} static access: those do not parse, or parse as
 * a function call, and are refused either way.
 */
final class JuelRules {

  /** Why an expression is refused, in Vietnamese and English. */
  record Reason(String vi, String en) {}

  static final String ENGINE_VI = "biểu thức không được truy cập engine hay lớp Java";
  static final String ENGINE_EN = "expressions may not reach the engine or Java classes";

  /** Members that lead to classes, class loaders, reflection, processes or the engine. */
  static final Set<String> FORBIDDEN_MEMBERS = Set.of("getClass", "class", "forName",
      "classLoader", "getClassLoader", "contextClassLoader", "getContextClassLoader", "loadClass",
      "newInstance", "getConstructor", "getDeclaredConstructor", "getMethod", "getDeclaredMethod",
      "getMethods", "getDeclaredMethods", "getField", "getDeclaredField", "invoke", "module",
      "getModule", "declaringClass", "getDeclaringClass", "getRuntime", "runtime", "exec",
      "getProcessEngineServices", "processEngineServices", "getProcessEngine", "processEngine");
  /** Names that are never a process variable but the start of a Java class name. */
  static final Set<String> FORBIDDEN_IDENTIFIERS = Set.of("java", "javax", "jakarta", "jdk", "sun",
      "com", "org", "Runtime", "System", "Class", "ClassLoader", "Thread", "ProcessBuilder", "T");
  /** Functions the engine registers itself (CommandContextFunctions, DateTimeFunctions). */
  static final Set<String> FUNCTIONS = Set.of("currentUser", "currentUserGroups", "now",
      "dateTime");
  /** What a model may call on {@code execution} or {@code task}: reading variables and ids. */
  static final Set<String> EXECUTION_METHODS = Set.of("getVariable", "getVariableLocal",
      "getVariableTyped", "getVariableLocalTyped", "hasVariable", "hasVariableLocal",
      "getVariables", "getVariablesLocal", "getProcessBusinessKey", "getBusinessKey", "getId",
      "getProcessInstanceId", "getCurrentActivityId", "getCurrentActivityName",
      "getActivityInstanceId", "getEventName", "getName", "getAssignee", "getOwner",
      "getTaskDefinitionKey", "getDueDate", "getFollowUpDate", "getCreateTime", "getPriority");
  static final Set<String> CONTEXT_OBJECTS = Set.of("execution", "task");

  private static final Builder PARSER =
      new Builder(Builder.Feature.METHOD_INVOCATIONS, Builder.Feature.VARARGS);

  private final Predicate<String> isBean;
  private final Predicate<String> isStep;

  JuelRules(Predicate<String> isBean, Predicate<String> isStep) {
    this.isBean = isBean;
    this.isStep = isStep;
  }

  /** Whether a text holds an expression at all (literal text needs no parse). */
  static boolean hasExpression(String text) {
    return text != null && (text.contains("${") || text.contains("#{"));
  }

  /** Whether the text is a well-formed JUEL expression or literal text. */
  static boolean parses(String text) {
    try {
      PARSER.build(text);
      return true;
    } catch (ELException e) {
      return false;
    }
  }

  /** Every reason to refuse the text (literal text with {@code ${...}}/{@code #{...}} parts). */
  List<Reason> check(String text) {
    Tree tree;
    try {
      tree = PARSER.build(text);
    } catch (ELException e) {
      return List.of(new Reason("biểu thức không phân tích được: " + e.getMessage(),
          "the expression does not parse: " + e.getMessage()));
    }
    List<Reason> reasons = new ArrayList<>();
    walk((AstNode) tree.getRoot(), reasons);
    return reasons;
  }

  private void walk(Node node, List<Reason> reasons) {
    if (node instanceof AstIdentifier identifier) {
      identifier(identifier.getName(), reasons);
    } else if (node instanceof AstMethod method) {
      method(method, reasons);
    } else if (node instanceof AstProperty property) {
      property(property, reasons);
    } else if (node instanceof AstFunction function) {
      if (!FUNCTIONS.contains(function.getName())) {
        reasons.add(new Reason("không cho phép gọi hàm '" + function.getName() + "'",
            "calling the function '" + function.getName() + "' is not allowed"));
      }
      children(node, reasons);
    } else if (node instanceof AstText || node instanceof AstString || node instanceof AstNumber
        || node instanceof AstBoolean || node instanceof AstNull) {
      return; // a literal
    } else if (node instanceof AstBinary || node instanceof AstUnary || node instanceof AstChoice
        || node instanceof AstNested || node instanceof AstComposite || node instanceof AstEval
        || node instanceof AstParameters) {
      children(node, reasons);
    } else {
      reasons.add(new Reason("cấu trúc biểu thức không được phép: " + node,
          "expression construct not allowed: " + node));
    }
  }

  private void children(Node node, List<Reason> reasons) {
    for (int i = 0; i < node.getCardinality(); i++) {
      walk(node.getChild(i), reasons);
    }
  }

  private void identifier(String name, List<Reason> reasons) {
    if (FORBIDDEN_IDENTIFIERS.contains(name)) {
      reasons.add(new Reason(ENGINE_VI + ": '" + name + "'", ENGINE_EN + ": '" + name + "'"));
    } else if (isBean.test(name) && !isStep.test(name)) {
      reasons.add(new Reason("bean '" + name + "' không nằm trong danh sách bước quy trình được"
          + " phép", "bean '" + name + "' is not on the allow-list of workflow steps"));
    }
  }

  /** A property read {@code a.b} or {@code a['b']}: its name must be known and harmless. */
  private void property(AstProperty property, List<Reason> reasons) {
    String member = memberName(property);
    if (member == null) {
      reasons.add(new Reason("tên thuộc tính phải là hằng chuỗi hoặc số, không được tính toán",
          "a property name must be a string or number literal, not computed"));
    } else if (FORBIDDEN_MEMBERS.contains(member)) {
      reasons.add(new Reason(ENGINE_VI + ": '" + member + "'", ENGINE_EN + ": '" + member + "'"));
    }
    children(property, reasons);
  }

  /** A call {@code receiver.name(...)}: only on a workflow step, or a variable accessor. */
  private void method(AstMethod method, List<Reason> reasons) {
    AstProperty target = (AstProperty) method.getChild(0);
    String name = memberName(target);
    Node receiver = target.getChild(0);
    if (name == null) {
      reasons.add(new Reason("tên phương thức không được tính toán",
          "a method name may not be computed"));
    } else if (FORBIDDEN_MEMBERS.contains(name)) {
      reasons.add(new Reason(ENGINE_VI + ": '" + name + "'", ENGINE_EN + ": '" + name + "'"));
    } else if (receiver instanceof AstIdentifier identifier
        && CONTEXT_OBJECTS.contains(identifier.getName())) {
      if (!EXECUTION_METHODS.contains(name)) {
        reasons.add(new Reason("trên " + identifier.getName() + " chỉ được đọc biến, không được"
            + " gọi '" + name + "'", "only variable accessors may be called on "
            + identifier.getName() + ", not '" + name + "'"));
      }
    } else {
      String root = rootIdentifier(receiver);
      if (root == null || !isStep.test(root)) {
        reasons.add(new Reason("chỉ được gọi phương thức của bean bước quy trình (@WorkflowStep),"
            + " không được gọi '" + name + "' trên " + (root == null ? "giá trị này" : "'" + root
            + "'"), "methods may only be called on workflow step beans (@WorkflowStep), not '"
            + name + "' on " + (root == null ? "this value" : "'" + root + "'")));
      }
    }
    walk(receiver, reasons);
    if (target instanceof AstBracket) {
      walk(target.getChild(1), reasons);
    }
    walk(method.getChild(1), reasons);
  }

  /** The member name of a property node, or null when it is computed at run time. */
  private static String memberName(AstProperty property) {
    if (property instanceof AstDot) {
      String text = property.toString(); // ". name"
      return text.substring(text.indexOf('.') + 1).trim();
    }
    Node key = property.getChild(1);
    if (key instanceof AstString || key instanceof AstNumber) {
      return String.valueOf(((AstNode) key).eval(null, null));
    }
    return null;
  }

  private static String rootIdentifier(Node node) {
    Node current = node;
    while (!(current instanceof AstIdentifier)) {
      if (current instanceof AstProperty || current instanceof AstMethod
          || current instanceof AstNested) {
        current = current.getChild(0);
      } else {
        return null;
      }
    }
    return ((AstIdentifier) current).getName();
  }
}
