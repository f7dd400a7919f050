package vn.khcn.workflow.reliability.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.UncheckedIOException;
import java.time.Duration;
import vn.khcn.workflow.support.TestHttp;

/**
 * The tests' {@link TestHttp} against one node; never throws, not even for a node that is down
 * (status 0), since the cluster test stops nodes on purpose.
 */
final class Client {

  static final ObjectMapper JSON = TestHttp.JSON;
  static final Duration TIMEOUT = Duration.ofSeconds(30);

  /** A response, or status 0 when the node could not be reached. */
  record Answer(int status, String body) {
    JsonNode json() {
      try {
        return JSON.readTree(body);
      } catch (Exception e) {
        return JSON.nullNode();
      }
    }
  }

  static Answer call(AppNode node, String user, String method, String path, Object body) {
    try {
      TestHttp.Response response = new TestHttp(node.url(""), TIMEOUT).call(user, method, path, body);
      return new Answer(response.status(), response.text());
    } catch (UncheckedIOException | IllegalStateException unreachable) {
      return new Answer(0, String.valueOf(unreachable.getMessage()));
    }
  }

  static Answer get(AppNode node, String user, String path) {
    return call(node, user, "GET", path, null);
  }

  static Answer post(AppNode node, String user, String path, Object body) {
    return call(node, user, "POST", path, body);
  }

  private Client() {}
}
