package vn.khcn.workflow.shared.process;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.VariableScope;
import vn.khcn.workflow.shared.text.TypedText;

/**
 * One process variable: its name (spelled only here, in its process's descriptor) and its type in
 * code. {@link #get} reads whatever channel wrote it (Java API, REST, Camunda Forms) as that type;
 * a value that cannot be read so is an {@link InvalidTaskInputException} naming the variable.
 *
 * @param <T> the type services see
 */
public final class Variable<T> {

  /**
   * Characters a typed text may have: the engine keeps a string variable in a
   * {@code varchar(4000)} column (ACT_RU_VARIABLE.TEXT_), so a longer one would fail the
   * completion's insert (500) rather than be refused naming the field (400).
   */
  public static final int MAX_TEXT = 4000;

  /**
   * Characters a {@linkplain #longText long text} may have: what the forms and our tables allow
   * for a report or a result (ADR 0044).
   */
  public static final int MAX_LONG_TEXT = 8000;

  /** The Department's time zone (khcn.time-zone), set once at start-up by the clock's configuration. */
  private static volatile ZoneId zone = ZoneId.of("Asia/Ho_Chi_Minh");

  private final String name;
  private final FieldType fieldType;
  private final Function<Object, T> reader;
  /** What the engine is given for a value (the value itself, or a view fitted to its column). */
  private final Function<T, Object> writer;
  /** Whether the engine forgets the value once the task's listeners have recorded it. */
  private final boolean longText;
  /** Whether the instance is started with it and nothing below the instance sets it. */
  private final boolean onInstance;

  private Variable(String name, FieldType fieldType, Function<Object, T> reader) {
    this(name, fieldType, reader, value -> value, false, false);
  }

  private Variable(String name, FieldType fieldType, Function<Object, T> reader,
      Function<T, Object> writer, boolean longText, boolean onInstance) {
    this.name = Objects.requireNonNull(name);
    this.fieldType = fieldType;
    this.reader = reader;
    this.writer = writer;
    this.longText = longText;
    this.onInstance = onInstance;
  }

  /**
   * A text a person types: form fields textfield, textarea, select and radio. Read in NFC;
   * control characters, bidirectional overrides, broken Unicode, invisible-only text and more
   * than {@link #MAX_TEXT} characters are refused naming the variable ({@link TypedText}).
   */
  public static Variable<String> text(String name) {
    return new Variable<>(name, FieldType.TEXT, value -> typed(value, MAX_TEXT));
  }

  /**
   * A long text a person types (a unit's result, a report, findings): read like {@link #text} up
   * to {@link #MAX_LONG_TEXT} characters. The task's complete listeners record it in our tables;
   * the engine then forgets it and keeps no history of it ({@code LongTexts}, ADR 0044), so it
   * is never held in the engine's 4,000-character string column. Read it only in the task's
   * complete listeners.
   */
  public static Variable<String> longText(String name) {
    return new Variable<>(name, FieldType.TEXT, value -> typed(value, MAX_LONG_TEXT),
        value -> value, true, false);
  }

  private static String typed(Object value, int max) {
    String text = TypedText.normalize(VariableValues.string(value));
    TypedText.problem(text).ifPresent(problem -> {
      throw new IllegalArgumentException(problem);
    });
    if (text != null && text.length() > max) {
      throw new IllegalArgumentException("dài quá " + max + " ký tự (" + text.length() + ")");
    }
    return text;
  }

  /** A yes/no: form field checkbox, or a gateway flag. */
  public static Variable<Boolean> bool(String name) {
    return new Variable<>(name, FieldType.BOOLEAN, VariableValues::bool);
  }

  /** A whole number: form field number (amounts in dong, scores, day counts). */
  public static Variable<Long> whole(String name) {
    return new Variable<>(name, FieldType.WHOLE, VariableValues::whole);
  }

  /** A calendar day: form field datetime (a contract's date, a due date). */
  public static Variable<LocalDate> day(String name) {
    return new Variable<>(name, FieldType.DATE, value -> VariableValues.localDate(value, zone));
  }

  /**
   * A point in time only the server writes (due dates, timers); a bare date read from an older
   * instance means 17:00, the end of office hours, that day.
   */
  public static Variable<Date> date(String name) {
    return new Variable<>(name, null,
        value -> value == null ? null : Date.from(VariableValues.instant(value, zone)));
  }

  /** Sets the Department's time zone (called once at start-up). */
  public static void useZone(ZoneId departmentZone) {
    zone = Objects.requireNonNull(departmentZone);
  }

  /** A list of texts: form fields checklist and taglist, multi-instance collections. */
  public static Variable<List<String>> textList(String name) {
    return new Variable<>(name, FieldType.TEXT_LIST, VariableValues::stringList);
  }

  /** A text only the server writes (element variables, task-local views, step inputs). */
  public static Variable<String> serverText(String name) {
    return new Variable<>(name, null, VariableValues::string);
  }

  /**
   * A text the server composes for the top of a task's form: written fitted into the engine's
   * string column ({@link ViewText}), so a long trail never fails the command creating the task.
   */
  public static Variable<String> view(String name) {
    return new Variable<>(name, null, VariableValues::string, ViewText::fit, false, false);
  }

  /** A flag only the server writes (gateway conditions). */
  public static Variable<Boolean> serverBool(String name) {
    return new Variable<>(name, null, VariableValues::bool);
  }

  /** A list only the server writes (multi-instance collections). */
  public static Variable<List<String>> serverTextList(String name) {
    return new Variable<>(name, null, VariableValues::stringList);
  }

  /** A whole number that only the server writes (entity ids). */
  public static Variable<Long> id(String name) {
    return new Variable<>(name, null, VariableValues::whole);
  }

  /**
   * The id of the entity a process instance is started for (its document, its research task),
   * given at the start and set nowhere below the instance: {@link #get} reads it from the
   * instance's own variables, not through every scope between a task and the instance (one select
   * for each scope not read yet in the command, ADR 0045).
   */
  public static Variable<Long> instanceId(String name) {
    return new Variable<>(name, null, VariableValues::whole, value -> value, false, true);
  }

  /**
   * A small number only the server writes, on the process instance and nowhere below it: read,
   * like {@link #instanceId}, from the instance's own variables (ADR 0049).
   */
  public static Variable<Integer> instanceInteger(String name) {
    return new Variable<>(name, null, Variable::integerOf, value -> value, false, true);
  }

  /** A whole number that only the server writes (amounts carried between steps). */
  public static Variable<Long> serverWhole(String name) {
    return new Variable<>(name, null, VariableValues::whole);
  }

  /** An integer that only the server writes (counts read by gateways). */
  public static Variable<Integer> integer(String name) {
    return new Variable<>(name, null, Variable::integerOf);
  }

  private static Integer integerOf(Object value) {
    return value == null ? null : Math.toIntExact(VariableValues.whole(value));
  }

  /** A map that only the server writes (a decision's single result). */
  @SuppressWarnings("unchecked")
  public static Variable<Map<String, Object>> map(String name) {
    return new Variable<>(name, null, value -> (Map<String, Object>) value);
  }

  public String name() {
    return name;
  }

  /** Whether it is a {@linkplain #longText long text}, forgotten by the engine once recorded. */
  public boolean isLongText() {
    return longText;
  }

  /** Characters a text of this kind may have: {@link #MAX_LONG_TEXT} or {@link #MAX_TEXT}. */
  public int maxLength() {
    return longText ? MAX_LONG_TEXT : MAX_TEXT;
  }

  /** What a person may submit for it, or null for a variable only the server writes. */
  public FieldType fieldType() {
    return fieldType;
  }

  /** The value in this scope or its parents, as this variable's type; null when unset. */
  public T get(VariableScope scope) {
    if (onInstance) {
      VariableScope instance = instanceOf(scope);
      Object value = instance == null ? null : instance.getVariableLocal(name);
      if (value != null) {
        return read(value);
      }
    }
    return read(scope.getVariable(name));
  }

  /** The process instance of a task or an execution; null for any other scope. */
  private static VariableScope instanceOf(VariableScope scope) {
    if (scope instanceof DelegateTask task) {
      return task.getExecution() == null ? null : task.getExecution().getProcessInstance();
    }
    return scope instanceof DelegateExecution execution ? execution.getProcessInstance() : null;
  }

  /** The value in this scope only (a task's form inputs, a multi-instance element variable). */
  public T getLocal(VariableScope scope) {
    return read(scope.getVariableLocal(name));
  }

  /** The value, or a clear error naming the variable when it is missing. */
  public T require(VariableScope scope) {
    T value = get(scope);
    if (value == null) {
      throw new MissingVariableException(name);
    }
    return value;
  }

  public void set(VariableScope scope, T value) {
    scope.setVariable(name, writer.apply(value));
  }

  public void setLocal(VariableScope scope, T value) {
    scope.setVariableLocal(name, writer.apply(value));
  }

  /**
   * The value as the engine holds it, unchecked: for a service that validates several inputs
   * together and reports every problem at once.
   */
  public Object raw(VariableScope scope) {
    return scope.getVariable(name);
  }

  /** Reads a raw value (from a variables map) as this variable's type. */
  public T read(Object raw) {
    try {
      return reader.apply(raw);
    } catch (IllegalArgumentException | ClassCastException | ArithmeticException e) {
      throw new InvalidTaskInputException(List.of(name + ": " + e.getMessage()));
    }
  }

  @Override
  public String toString() {
    return name + (fieldType == null ? "" : " (" + fieldType + ")");
  }
}
