package vn.khcn.workflow.intake;

import java.util.List;
import java.util.Map;

/**
 * What intake read from a file: where the text came from, the fields it found (each with how sure
 * it is; a field it did not find is absent), the numbered items and what the clerk should check.
 */
public record Extraction(Source source, Map<String, Field> fields, List<Item> items,
    List<String> warnings) {

  /** Where the text came from. */
  public enum Source { TEXT, PDF, DOCX, OCR, EDXML }

  /** One field's value and the confidence (0..1) of the rule that found it. */
  public record Field(Object value, double confidence) {}

  /** A numbered item of the body ("1-", "2.", "III.1") with the bodies it names. */
  public record Item(String label, String text, List<String> bodies) {}

  /** The field names, in the order of Decree 30/2020 Appendix VI as the registration form shows them. */
  public static final List<String> FIELD_NAMES = List.of("issuer", "documentNumber", "number",
      "symbol", "issuedOn", "place", "documentType", "summary", "signerCompetence",
      "signerPosition", "signerName", "urgency", "classification", "recipients", "pageCount");
}
