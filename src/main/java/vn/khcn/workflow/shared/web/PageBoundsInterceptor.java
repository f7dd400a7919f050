package vn.khcn.workflow.shared.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * The {@code page} parameter of every /api list, bounded before the controller runs: a page
 * beyond {@link Paging#MAX_PAGE} (e.g. {@code ?page=2147483647}) made page × size overflow the
 * database offset and ended in a 500. Values that are not numbers, or negative, are left to the
 * controller's own checks.
 */
final class PageBoundsInterceptor implements HandlerInterceptor {

  @Override
  public boolean preHandle(HttpServletRequest request, HttpServletResponse response,
      Object handler) {
    String page = request.getParameter("page");
    if (page != null && isBeyondLastPage(page.strip())) {
      throw new InvalidInputException(List.of(new ApiError.FieldError("page",
          Paging.pageMessage())));
    }
    return true;
  }

  static boolean isBeyondLastPage(String page) {
    if (!page.matches("\\d{1,30}")) {
      return false;
    }
    return page.length() > 9 || Integer.parseInt(page) > Paging.MAX_PAGE;
  }
}
