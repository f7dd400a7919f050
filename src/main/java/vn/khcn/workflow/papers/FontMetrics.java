package vn.khcn.workflow.papers;

import java.io.IOException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * One font's text measured for a table paper: each code point's advance looked up once (NaN when
 * the font has no glyph for it), a string's width the sum of its code points' advances in order,
 * as {@code PDFont.getStringWidth} adds them, without encoding the text again for every candidate
 * line of a wrap. Not thread-safe: one per paper and font.
 */
final class FontMetrics {

  private static final Pattern WHITE_SPACE = Pattern.compile("\\s+");

  /** Not measured yet (a real advance is never negative). */
  private static final float UNKNOWN = -1f;

  private final PDType0Font font;
  /** Latin with Vietnamese's letters (up to U+1EF9) and the usual punctuation, by code point. */
  private final float[] common = new float[0x2100];
  private final Map<Integer, Float> others = new HashMap<>();

  FontMetrics(PDType0Font font) {
    this.font = font;
    Arrays.fill(common, UNKNOWN);
  }

  /** The text in lines no wider than {@code width}: at spaces, inside a word only if it must. */
  List<String> lines(String text, float size, float width) {
    List<String> lines = new ArrayList<>();
    String clean = printable(text);
    if (clean.isEmpty()) {
      lines.add("");
      return lines;
    }
    float space = advance(' ');
    StringBuilder line = new StringBuilder();
    float lineUnits = 0;
    for (String word : clean.split(" ")) {
      // the candidate "line word" measured in order, as the whole string would be
      float candidate = line.isEmpty() ? 0 : lineUnits + space;
      for (int i = 0; i < word.length(); ) {
        int c = word.codePointAt(i);
        candidate += advance(c);
        i += Character.charCount(c);
      }
      if (candidate / 1000f * size <= width) {
        if (!line.isEmpty()) {
          line.append(' ');
        }
        line.append(word);
        lineUnits = candidate;
        continue;
      }
      if (!line.isEmpty()) {
        lines.add(line.toString());
        line.setLength(0);
      }
      String rest = word;
      while (width(rest, size) > width && rest.length() > 1) {
        int cut = rest.length() - 1;
        while (cut > 1 && width(rest.substring(0, cut), size) > width) {
          cut--;
        }
        lines.add(rest.substring(0, cut));
        rest = rest.substring(cut);
      }
      line.append(rest);
      lineUnits = units(rest);
    }
    lines.add(line.toString());
    return lines;
  }

  /** NFC, white space as single spaces, characters the font has no glyph for left out. */
  String printable(String text) {
    if (text == null) {
      return "";
    }
    String nfc = spaced(Normalizer.normalize(text, Normalizer.Form.NFC));
    StringBuilder out = null;
    for (int i = 0; i < nfc.length(); ) {
      int c = nfc.codePointAt(i);
      int next = i + Character.charCount(c);
      if (Float.isNaN(advance(c))) {
        if (out == null) {
          out = new StringBuilder(nfc.length()).append(nfc, 0, i);
        }
      } else if (out != null) {
        out.append(nfc, i, next);
      }
      i = next;
    }
    // a character left out may leave two spaces, or one at an end
    return out == null ? nfc : spaced(out.toString());
  }

  /** White space as single spaces, none at the ends; the text itself when it is so already. */
  private static String spaced(String text) {
    boolean previousSpace = false;
    boolean regular = text.strip().length() == text.length();
    for (int i = 0; regular && i < text.length(); i++) {
      char c = text.charAt(i);
      // the characters of the pattern's \s other than the space, or a second space
      regular = "\t\n\u000B\f\r".indexOf(c) < 0 && !(c == ' ' && previousSpace);
      previousSpace = c == ' ';
    }
    return regular ? text : WHITE_SPACE.matcher(text).replaceAll(" ").strip();
  }

  /** The code point's advance in glyph units, or NaN if the font has no glyph for it. */
  float advance(int codePoint) {
    if (codePoint < common.length) {
      float units = common[codePoint];
      if (units == UNKNOWN) {
        units = measure(codePoint);
        common[codePoint] = units;
      }
      return units;
    }
    return others.computeIfAbsent(codePoint, this::measure);
  }

  private float measure(int codePoint) {
    try {
      return font.getStringWidth(new String(Character.toChars(codePoint)));
    } catch (IOException | IllegalArgumentException e) {
      return Float.NaN;
    }
  }

  /** The printable text's width in glyph units, its code points' advances added in order. */
  float units(String text) {
    float units = 0;
    for (int i = 0; i < text.length(); ) {
      int c = text.codePointAt(i);
      float advance = advance(c);
      if (!Float.isNaN(advance)) {
        units += advance;
      }
      i += Character.charCount(c);
    }
    return units;
  }

  float width(String text, float size) {
    return units(text) / 1000f * size;
  }
}
