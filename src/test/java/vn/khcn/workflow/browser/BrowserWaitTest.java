package vn.khcn.workflow.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;

/**
 * The browser tests' waits look an element up again when Chromium reports it as a node of a page
 * being replaced, and still fail on anything else (no browser needed).
 */
class BrowserWaitTest {

  @Test
  void aNodeOfAReplacedPageMeansNotYet() {
    Function<WebDriver, String> replaced = d -> {
      throw new WebDriverException("unknown error: unhandled inspector error:"
          + " {\"code\":-32000,\"message\":\"Node with given id does not belong to the document\"}");
    };
    assertThat(Browser.lookingUpAgain(replaced).apply(null)).isNull();
  }

  @Test
  void otherFailuresAndResultsPassThrough() {
    Function<WebDriver, String> broken = d -> {
      throw new WebDriverException("chrome not reachable");
    };
    assertThatThrownBy(() -> Browser.lookingUpAgain(broken).apply(null))
        .isInstanceOf(WebDriverException.class).hasMessageContaining("chrome not reachable");
    assertThat(Browser.lookingUpAgain(d -> "found").apply(null)).isEqualTo("found");
  }
}
