package vn.khcn.workflow.identity;

/** Who did something: the Camunda user id and the full name shown in the trail. */
public record Actor(String userId, String fullName) {

  /** Work the engine does by itself (timers, archiving). */
  public static final Actor SYSTEM = new Actor("system", "Hệ thống");
}
