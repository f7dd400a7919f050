package vn.khcn.workflow.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import vn.khcn.workflow.reliability.HostileInputs.Input;

/**
 * The catalogue of the reliability suite's bad-input scenario (run against a packaged node by
 * BadInputIT under -Preliability): at least 200 inputs, every kind of hostility the scenario
 * promises present, each a request that can be sent.
 */
class HostileInputsTest {

  @Test
  void theCatalogueCoversTheKindsOfHostilityPromised() {
    List<Input> inputs = HostileInputs.all(1, 2);
    assertThat(inputs).hasSizeGreaterThanOrEqualTo(200);
    assertThat(inputs).allSatisfy(input -> {
      assertThat(input.path()).startsWith("/");
      assertThat(input.method()).isIn("GET", "POST", "PUT", "PATCH", "DELETE");
    });
    List<String> names = inputs.stream().map(Input::name).toList();
    for (String kind : List.of("with \\u0000", "with \\u202e", "with \\ud800", "DROP TABLE",
        "${7*7}", "sets incomingNumber", "anonymous", "wrong password", "by a clerk",
        "model XML external entity", "model entity expansion", "multipart truncated",
        "summary of 2 MB", "JSON nested", "registration as XML")) {
      assertThat(names).as(kind).anyMatch(name -> name.contains(kind));
    }
    assertThat(inputs).filteredOn(input -> input.user() == null).isNotEmpty();
  }
}
