package vn.khcn.workflow.shared.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A controller answering HTML pages (never /api): its refusals (400, 403, 404, 409) are answered
 * by {@link PageRefusals} with the refusal page instead of the API's JSON error.
 */
@Documented
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
public @interface PageController {

  /** Where the refusal page's "Quay lại" link leads; no link when empty. */
  String back() default "";
}
