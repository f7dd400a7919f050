package vn.khcn.workflow.dispatch;

import java.time.LocalDate;
import vn.khcn.workflow.identity.Actor;

/** Lets the benchmark register through the service layer (Registration is package-private). */
public final class BenchRegistrations {

  /** Registers an ordinary, non-urgent document with this number and symbol; returns it. */
  public static RegisteredDocument register(RegistrationService service, String documentNumber,
      LocalDate today, Actor actor) {
    return service.register(new Registration("Ủy ban nhân dân thành phố Cần Thơ", documentNumber,
        today, "Kế hoạch", "Kế hoạch đo hiệu năng " + documentNumber, null, null, 2,
        Urgency.NORMAL, Classification.NONE, today, null, null, null, null), false, actor);
  }

  private BenchRegistrations() {}
}
