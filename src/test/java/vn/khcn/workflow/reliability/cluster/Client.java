package vn.khcn.workflow.reliability.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

/** HTTP with Basic authentication against one node; never throws for an HTTP status. */
final class Client {

  static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newBuilder()
      .connectTimeout(Duration.ofSeconds(5)).build();

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
      String auth = Base64.getEncoder().encodeToString((user + ":demo")
          .getBytes(StandardCharsets.UTF_8));
      HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(node.url(path)))
          .timeout(Duration.ofSeconds(30))
          .header("Accept", "application/json").header("Content-Type", "application/json");
      if (!user.isEmpty()) {
        request.header("Authorization", "Basic " + auth);
      }
      request.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
          : HttpRequest.BodyPublishers.ofString(body instanceof String text ? text
              : JSON.writeValueAsString(body)));
      HttpResponse<String> response = HTTP.send(request.build(),
          HttpResponse.BodyHandlers.ofString());
      return new Answer(response.statusCode(), response.body());
    } catch (Exception unreachable) {
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
