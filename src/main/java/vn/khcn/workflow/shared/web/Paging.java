package vn.khcn.workflow.shared.web;

/**
 * Bounds of the page number our list APIs accept. Far beyond any real list (10,000 pages of at
 * most 100 items), and low enough that page × size stays an int: the database offset of
 * {@code ?page=2147483647} overflowed and ended in a 500.
 */
public final class Paging {

  public static final int MAX_PAGE = 10_000;

  /** Whether the page number is within 0..MAX_PAGE. */
  public static boolean isValidPage(int page) {
    return page >= 0 && page <= MAX_PAGE;
  }

  /** The Vietnamese message for a page number outside the bounds. */
  public static String pageMessage() {
    return "số trang phải từ 0 đến " + MAX_PAGE;
  }

  private Paging() {}
}
