package vn.khcn.workflow.intake;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Undoes what PDF-to-text and OCR do to an administrative document before the rules read it: one
 * Unicode form, the old tone placement ("Uỷ", "hoà") moved to the new one, "Kính gởi" spelled
 * "Kính gửi", invisible characters and Markdown emphasis dropped, and the national heading
 * ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "ĐẢNG CỘNG SẢN VIỆT NAM")
 * cut out of the line it was glued to (or dropped when a web copy broke it over two lines), so
 * the issuer column beside it stands alone; table rules of web copies ("|", "-----") and the marks
 * OCR reads from specks ("¬", "`", lone underscores) dropped.
 */
final class TextCleanup {

  private static final String TONES = "[\u0300\u0301\u0303\u0309\u0323]";
  private static final Pattern OA_OE = Pattern.compile(
      "([oO])([aAeE])(" + TONES + ")(?![\\p{L}\\p{M}])");
  private static final Pattern UY = Pattern.compile(
      "(?<![qQ])([uU])([yY])(" + TONES + ")(?![\\p{L}\\p{M}])");
  private static final Pattern INVISIBLE = Pattern.compile("[\u200B\u200C\u200D\u2060\uFEFF\u00AD]");
  private static final Pattern SPACES = Pattern.compile("[\\t\\x0B\\f\\p{Zs}]+");
  private static final Pattern EMPHASIS = Pattern.compile("\\*\\*|__");
  private static final Pattern KINH_GOI = Pattern.compile("(?iu)(kính)\\s*gởi");
  /**
   * The national heading, spaces optional (PDF text glues words), matched on the text with its
   * diacritics folded ({@link #fold}) so that OCR's "VIỆT NẠM" is the heading too.
   */
  static final Pattern NATIONAL_HEADING = Pattern.compile(
      "C\\s*O\\s*N\\s*G\\s*H\\s*O\\s*A\\s*X\\s*A\\s*H\\s*O\\s*I\\s*C\\s*H\\s*U\\s*N\\s*G\\s*H\\s*I\\s*A"
      + "\\s*V\\s*I\\s*E\\s*T\\s*N\\s*A\\s*M"
      + "|D\\s*A\\s*N\\s*G\\s*C\\s*O\\s*N\\s*G\\s*S\\s*A\\s*N\\s*V\\s*I\\s*E\\s*T\\s*N\\s*A\\s*M"
      + "|Doc\\s*lap\\s*[-–—]\\s*Tu\\s*do\\s*[-–—]\\s*Hanh\\s*phuc");
  private static final Pattern OCR_NOISE = Pattern.compile("[¬`]");
  private static final Pattern OCR_HEAD = Pattern.compile("^['\"‘’“”]+(?=\\p{L})");
  private static final Pattern OCR_TAIL = Pattern.compile("(?:\\s+[-_:'\"‘’“”,~]+)+$");
  private static final Pattern LONE_UNDERSCORES = Pattern.compile("(?<=^|\\s)_+(?=\\s|$)|^_+");
  private static final Pattern RULE_LINE = Pattern.compile("^[\\s*_\\-–—=.|]+$");
  /** A word standing alone where a web copy broke a table cell after its first word ("ỦY"). */
  private static final Pattern BROKEN_FIRST_WORD = Pattern.compile("^\\p{Lu}[\\p{L}\\p{M}]{0,9}$");
  private static final Pattern MARK = Pattern.compile("^(?:KHẨN|MẬT|HỎA|THƯỢNG|TỐI|TUYỆT)$");

  /** The text with one Unicode form and the new tone placement, lines kept. */
  static String normalize(String text) {
    String visible = INVISIBLE.matcher(text.replace("\r\n", "\n").replace('\r', '\n'))
        .replaceAll("");
    String nfd = Normalizer.normalize(visible, Normalizer.Form.NFD);
    nfd = UY.matcher(OA_OE.matcher(nfd).replaceAll("$1$3$2")).replaceAll("$1$3$2");
    String nfc = Normalizer.normalize(nfd, Normalizer.Form.NFC);
    return KINH_GOI.matcher(EMPHASIS.matcher(nfc).replaceAll("")).replaceAll("$1 gửi");
  }

  /**
   * The document's lines: normalized, spaces collapsed, the national heading cut out (the parts
   * before and after it become lines of their own), rule lines ("-----", "*") dropped, blank lines
   * dropped.
   */
  static List<String> lines(String text) {
    List<String> lines = new ArrayList<>();
    String[] raws = normalize(text).split("\n");
    boolean cellStart = true;
    for (int r = 0; r < raws.length; r++) {
      String line = ocrNoise(SPACES.matcher(raws[r]).replaceAll(" ").strip());
      if (joinsNext(line, cellStart || typeLike(lines), raws, r)) {
        raws[r + 1] = line + " " + raws[r + 1].strip();
        continue;
      }
      cellStart = line.isEmpty() ? cellStart : RULE_LINE.matcher(line).matches();
      if (r + 1 < raws.length && !line.isEmpty() && !NATIONAL_HEADING.matcher(fold(line)).find()) {
        String joined = line + " " + SPACES.matcher(raws[r + 1]).replaceAll(" ").strip();
        if (NATIONAL_HEADING.matcher(fold(joined)).matches()) {
          r++; // the heading broken over two lines ("CỘNG HÒA XÃ HỘI" / "CHỦ NGHĨA VIỆT NAM")
          continue;
        }
      }
      Matcher heading = NATIONAL_HEADING.matcher(fold(line));
      int from = 0;
      while (heading.find()) {
        add(lines, line.substring(from, heading.start()));
        from = heading.end();
      }
      add(lines, line.substring(from));
    }
    return lines;
  }

  /**
   * Whether a lone capitalized word opens a cell a web copy broke after its first word ("ỦY" /
   * "BAN NHÂN DÂN", "Sơn" / "La, ngày …", "THÔNG" / "TƯ"): it stands at the top, after a table
   * rule, or right under a type line, and the next line goes on with a word.
   */
  private static boolean joinsNext(String line, boolean opening, String[] raws, int r) {
    if (!opening || r + 1 >= raws.length || !BROKEN_FIRST_WORD.matcher(line).matches()
        || MARK.matcher(line).matches()) {
      return false;
    }
    String next = raws[r + 1].strip();
    return !next.isEmpty() && Character.isLetter(next.codePointAt(0))
        && !RULE_LINE.matcher(next).matches();
  }

  /** Whether the last line kept is a short line in capitals, like a type line ("THÔNG TƯ"). */
  private static boolean typeLike(List<String> lines) {
    if (lines.isEmpty()) {
      return false;
    }
    String last = lines.get(lines.size() - 1).replaceAll("[:.]$", "");
    return isUpper(last) && last.split(" ").length <= 3 && !last.contains(".");
  }

  /**
   * The text with each letter's diacritics dropped ("Độc lập" → "Doc lap"), one character for
   * one, so that a match on it has the same positions in the text.
   */
  static String fold(String text) {
    StringBuilder folded = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      folded.append(c == 'Đ' ? 'D' : c == 'đ' ? 'd'
          : Normalizer.normalize(String.valueOf(c), Normalizer.Form.NFD).charAt(0));
    }
    return folded.toString();
  }

  /**
   * Lines of an OCR reading without the marks specks become: a quote before the first word, and
   * lone punctuation after the last ("BỘ XÂY DỰNG - :", "TL. BỘ TRƯỞNG '").
   */
  static List<String> withoutSpecks(List<String> lines) {
    List<String> clean = new ArrayList<>();
    for (String line : lines) {
      String stripped = OCR_TAIL.matcher(OCR_HEAD.matcher(line).replaceAll("")).replaceAll("")
          .strip();
      if (!stripped.isEmpty()) {
        clean.add(stripped);
      }
    }
    return clean;
  }

  /** Marks OCR reads from specks and rules: "¬", "`", and underscores standing alone. */
  private static String ocrNoise(String line) {
    return OCR_NOISE.matcher(LONE_UNDERSCORES.matcher(line).replaceAll(""))
        .replaceAll("").replaceAll("\\s{2,}", " ").strip();
  }

  private static void add(List<String> lines, String part) {
    String line = part.strip();
    if (!line.isEmpty() && !RULE_LINE.matcher(line).matches()) {
      lines.add(line);
    }
  }

  /** Whether the line is written in capitals (at least two letters, none lower case). */
  static boolean isUpper(String line) {
    long letters = line.codePoints().filter(Character::isLetter).count();
    return letters >= 2 && line.codePoints().noneMatch(Character::isLowerCase);
  }

  /** White space collapsed and trailing punctuation of a list entry dropped. */
  static String clean(String text) {
    return text.replaceAll("\\s+", " ").strip().replaceAll("^[-–+•]\\s*", "")
        .replaceAll("[\\s,;.:]+$", "").strip();
  }

  private TextCleanup() {}
}
