package vn.khcn.workflow.shared.text;

import java.text.Normalizer;
import java.util.Optional;

/**
 * Text a person typed, as we store it: NFC (Vietnamese from different keyboards arrives composed
 * or decomposed), stripped, and refused when it carries what no person means to type: control
 * characters (other than line breaks and tabs), bidirectional overrides and isolates that
 * reorder what a reader sees (U+202A–U+202E, U+2066–U+2069), unpaired surrogates (broken UTF-16),
 * or nothing but invisible characters.
 */
public final class TypedText {

  /** The text in NFC and stripped of surrounding white space; null stays null. */
  public static String normalize(String value) {
    if (value == null) {
      return null;
    }
    return Normalizer.normalize(value, Normalizer.Form.NFC).strip();
  }

  /**
   * What is wrong with the text, in Vietnamese, to follow the field's name ("trích yếu chứa
   * ..."); empty when nothing is.
   */
  public static Optional<String> problem(String value) {
    if (value == null) {
      return Optional.empty();
    }
    boolean visible = false;
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (Character.isHighSurrogate(c)) {
        if (i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
          i++;
          visible = true;
          continue;
        }
        return Optional.of("chứa ký tự Unicode hỏng (nửa cặp thay thế U+"
            + hex(c) + ")");
      }
      if (Character.isLowSurrogate(c)) {
        return Optional.of("chứa ký tự Unicode hỏng (nửa cặp thay thế U+" + hex(c) + ")");
      }
      if (isBidiControl(c)) {
        return Optional.of("chứa ký tự đảo chiều hiển thị văn bản (U+" + hex(c) + ")");
      }
      if (Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t') {
        return Optional.of("chứa ký tự điều khiển (U+" + hex(c) + ")");
      }
      if (!isInvisible(c) && !Character.isWhitespace(c) && !Character.isSpaceChar(c)) {
        visible = true;
      }
    }
    if (!visible && !value.isEmpty()) {
      return Optional.of("chỉ có ký tự vô hình hoặc khoảng trắng");
    }
    return Optional.empty();
  }

  /** Zero-width characters and the byte-order mark: nothing a reader sees. */
  public static boolean isInvisible(char c) {
    return c == '\u200B' || c == '\u200C' || c == '\u200D' || c == '\u2060' || c == '\uFEFF'
        || c == '\u00AD';
  }

  /** Embedding, override and isolate controls, and the implicit marks LRM, RLM and ALM. */
  public static boolean isBidiControl(char c) {
    return (c >= '\u202A' && c <= '\u202E') || (c >= '\u2066' && c <= '\u2069')
        || c == '\u200E' || c == '\u200F' || c == '\u061C';
  }

  private static String hex(char c) {
    return String.format("%04X", (int) c);
  }

  private TypedText() {}
}
