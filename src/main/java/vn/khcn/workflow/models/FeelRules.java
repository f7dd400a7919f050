package vn.khcn.workflow.models;

import camundajar.impl.scala.Product;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.camunda.feel.api.FeelEngineApi;
import org.camunda.feel.api.FeelEngineBuilder;
import org.camunda.feel.api.ParseResult;
import org.camunda.feel.syntaxtree.FunctionDefinition;
import org.camunda.feel.syntaxtree.FunctionInvocation;
import org.camunda.feel.syntaxtree.JavaFunctionInvocation;
import org.camunda.feel.syntaxtree.PathExpression;
import org.camunda.feel.syntaxtree.QualifiedFunctionInvocation;
import org.camunda.feel.syntaxtree.Ref;
import vn.khcn.workflow.models.JuelRules.Reason;

/**
 * The allow-list of FEEL expressions in decision tables, checked on the syntax tree of the FEEL
 * engine Camunda runs: a function may be called only when it is one of a few side-effect-free
 * built-ins; function definitions (and with them {@code external { java: ... }}), qualified calls
 * and names that lead to Java classes or the engine are refused.
 */
final class FeelRules {

  /** Built-in FEEL functions a decision table may call. */
  static final Set<String> FUNCTIONS = Set.of("not", "date", "time", "date and time", "duration",
      "years and months duration", "number", "string", "substring", "string length", "upper case",
      "lower case", "substring before", "substring after", "contains", "starts with", "ends with",
      "list contains", "count", "min", "max", "sum", "mean", "all", "any", "and", "or", "abs",
      "floor", "ceiling", "decimal", "round up", "round down", "round half up", "round half down",
      "modulo", "odd", "even", "is defined", "get or else", "append", "concatenate", "index of",
      "distinct values", "flatten", "reverse", "sublist", "product", "median", "is empty",
      "day of week", "day of year", "month of year", "week of year", "today", "now", "trim");
  private static final Set<String> FORBIDDEN_NAMES = Set.of("class", "getClass", "classLoader",
      "java", "javax", "Runtime", "System", "execution", "task", "processEngine",
      "processEngineServices", "getProcessEngine", "getProcessEngineServices");

  private static final FeelEngineApi FEEL = FeelEngineBuilder.create().build();

  private FeelRules() {}

  /** Reasons to refuse a FEEL expression (input expression, output entry, literal expression). */
  static List<Reason> checkExpression(String text) {
    return check(FEEL.parseExpression(text));
  }

  /** Reasons to refuse FEEL unary tests (input entry, allowed values). */
  static List<Reason> checkUnaryTests(String text) {
    return check(FEEL.parseUnaryTests(text));
  }

  private static List<Reason> check(ParseResult result) {
    if (result.isFailure()) {
      String message = result.failure().message();
      return List.of(new Reason("biểu thức FEEL không phân tích được: " + message,
          "the FEEL expression does not parse: " + message));
    }
    List<Reason> reasons = new ArrayList<>();
    walk(result.parsedExpression().expression(), reasons);
    return reasons;
  }

  private static void walk(Object node, List<Reason> reasons) {
    if (node instanceof FunctionInvocation call && !FUNCTIONS.contains(call.function())) {
      refuse("không cho phép gọi hàm FEEL '" + call.function() + "'",
          "calling the FEEL function '" + call.function() + "' is not allowed", reasons);
    } else if (node instanceof QualifiedFunctionInvocation call) {
      refuse("không cho phép gọi hàm FEEL qua đường dẫn ('" + call.function() + "')",
          "qualified FEEL function calls are not allowed ('" + call.function() + "')", reasons);
    } else if (node instanceof JavaFunctionInvocation call) {
      refuse("không cho phép gọi Java từ FEEL (" + call.className() + ")",
          "calling Java from FEEL is not allowed (" + call.className() + ")", reasons);
    } else if (node instanceof FunctionDefinition) {
      refuse("không cho phép định nghĩa hàm trong FEEL", "FEEL function definitions are not"
          + " allowed", reasons);
    } else if (node instanceof PathExpression path && forbidden(path.key())) {
      refuse(JuelRules.ENGINE_VI + ": '" + path.key() + "'",
          JuelRules.ENGINE_EN + ": '" + path.key() + "'", reasons);
    } else if (node instanceof Ref ref) {
      ref.names().foreach(name -> {
        if (forbidden(name)) {
          refuse(JuelRules.ENGINE_VI + ": '" + name + "'", JuelRules.ENGINE_EN + ": '" + name
              + "'", reasons);
        }
        return null;
      });
    }
    if (node instanceof Product product) {
      for (int i = 0; i < product.productArity(); i++) {
        walk(product.productElement(i), reasons);
      }
    } else if (node instanceof camundajar.impl.scala.collection.Iterable<?> items) {
      items.foreach(item -> {
        walk(item, reasons);
        return null;
      });
    }
  }

  private static boolean forbidden(String name) {
    return FORBIDDEN_NAMES.contains(name) || name.startsWith("java.");
  }

  private static void refuse(String vi, String en, List<Reason> reasons) {
    reasons.add(new Reason(vi, en));
  }
}
