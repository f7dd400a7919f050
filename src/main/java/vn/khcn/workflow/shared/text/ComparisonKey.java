package vn.khcn.workflow.shared.text;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Folds text for an equality check (not for search: diacritics stay). "Ủy ban", "UỶ BAN",
 * "uỷ  ban" with a no-break space or a zero-width space all give "ủy ban": lower case, one Unicode
 * form, invisible characters dropped, white space collapsed, and one tone placement. Vietnamese
 * is typed with the tone of the open syllables oa, oe, uy on either vowel (old style hoà, khoẻ,
 * thuỷ, uỷ; new style hòa, khỏe, thủy, ủy); the key puts it on the first vowel (new style).
 * Syllables with a final consonant (hoàn, thuyết) and qu- (quý, quả) are the same in both styles
 * and left alone.
 */
public final class ComparisonKey {

  /** The five tone marks as combining characters (NFD). */
  private static final String TONES = "[\u0300\u0301\u0303\u0309\u0323]";
  /** oa/oe with the tone on the second vowel, at the end of a syllable. */
  private static final Pattern OA_OE = Pattern.compile(
      "o([ae])(" + TONES + ")(?![\\p{L}\\p{M}])");
  /** uy with the tone on y, at the end of a syllable, not after q (quý keeps it on y). */
  private static final Pattern UY = Pattern.compile(
      "(?<!q)u(y)(" + TONES + ")(?![\\p{L}\\p{M}])");
  private static final Pattern INVISIBLE = Pattern.compile("[\u200B\u200C\u200D\u2060\uFEFF\u00AD]");
  private static final Pattern SPACES = Pattern.compile("[\\s\\p{Z}]+");

  public static String of(String text) {
    if (text == null) {
      return "";
    }
    String visible = INVISIBLE.matcher(text).replaceAll("");
    String spaced = SPACES.matcher(visible).replaceAll(" ").strip();
    String lower = Normalizer.normalize(spaced, Normalizer.Form.NFD).toLowerCase(Locale.ROOT);
    String toned = UY.matcher(OA_OE.matcher(lower).replaceAll("o$2$1")).replaceAll("u$2$1");
    return Normalizer.normalize(toned, Normalizer.Form.NFC);
  }

  private ComparisonKey() {}
}
