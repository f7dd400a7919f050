package vn.khcn.workflow.shared.web;

import java.util.Map;

/**
 * What intake proposed for a registration (issue 16): the source the text came from and, per
 * registration field the page pre-filled, the proposed value and its confidence. The registration
 * page sends it with the form; the registry keeps, per field, whether the clerk kept or corrected
 * the proposal. Here so that the registry and intake need not know each other.
 */
public record IntakeProposal(String source, Map<String, Proposed> fields) {

  /** The form parameter that carries the proposal as JSON. */
  public static final String PARAMETER = "intakeProposal";

  /** One pre-filled field: the value proposed and how sure intake was (0..1). */
  public record Proposed(String value, double confidence) {}

  /** The correction log (implemented by intake). */
  public interface Log {

    /**
     * The proposal sent with a registration, checked: null when none was sent; an
     * {@link InvalidInputException} naming {@link #PARAMETER} when it is too large, not JSON of
     * the expected shape, or names a field intake does not propose.
     */
    IntakeProposal parse(String json);

    /**
     * Keeps one row per proposed field of a registered document with the value registered
     * ({@code finalValues}, from the validated registration, never from the client), who
     * registered it and when (the server's clock).
     */
    void record(long documentId, IntakeProposal proposal, Map<String, String> finalValues,
        String userId);
  }
}
