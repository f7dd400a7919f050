package vn.khcn.workflow.shared.text;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Folds Vietnamese text for search: lower case, diacritics removed (đ becomes d), white space
 * collapsed. "Thành ủy Cần Thơ" and "thanh uy can tho" fold to the same string, so a search with or
 * without diacritics finds the same documents.
 */
public final class SearchText {

  private static final Pattern MARKS = Pattern.compile("\\p{M}+");
  private static final Pattern SPACES = Pattern.compile("\\s+");

  public static String fold(String text) {
    if (text == null) {
      return "";
    }
    String decomposed = Normalizer.normalize(text.replace('đ', 'd').replace('Đ', 'D'),
        Normalizer.Form.NFD);
    String stripped = MARKS.matcher(decomposed).replaceAll("");
    return SPACES.matcher(stripped.toLowerCase(Locale.ROOT)).replaceAll(" ").trim();
  }

  /** The folded concatenation of several fields, as stored in a search column. */
  public static String of(String... fields) {
    return Arrays.stream(fields).filter(Objects::nonNull).map(SearchText::fold)
        .filter(s -> !s.isEmpty()).collect(Collectors.joining(" | "));
  }

  /** A LIKE pattern for a folded query, with LIKE metacharacters escaped by '\'. */
  public static String likePattern(String query) {
    String folded = fold(query).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    return "%" + folded + "%";
  }

  private SearchText() {}
}
