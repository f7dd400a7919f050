package vn.khcn.workflow.reliability.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import vn.khcn.workflow.reliability.cluster.Client.Answer;

/**
 * Works open tasks as the people who may: the assignee, else a candidate user, else a member of a
 * candidate group claims the task and completes it with what its form would submit.
 */
final class OpenTasks {

  static Map<String, Object> bool(boolean value) {
    return Map.of("value", value, "type", "Boolean");
  }

  static Map<String, Object> text(String value) {
    return Map.of("value", value, "type", "String");
  }

  /** What the form of the task kind submits; null for a kind the suite cannot work. */
  static Map<String, Object> form(String kind, AppNode node, JsonNode task, String user) {
    return switch (kind) {
      case "giveDirection" -> Map.of("infoOnly", bool(true),
          "informedUnits", Map.of("value", "[\"van-phong\"]", "type", "Json"));
      case "handleAssignment", "proposeResult" -> Map.of("result",
          text("Đã xử lý, báo cáo kèm theo"));
      case "assignHandler" -> Map.of("handler", text(member(node, task, user)),
          "handlerDueDate", text(handlerDue(task)));
      case "reviewProposal" -> Map.of("proposalApproved", bool(true));
      case "consolidateReport" -> Map.of("report", text("Báo cáo tổng hợp kết quả xử lý"));
      case "approveResult" -> Map.of("approved", bool(true));
      case "checkDossier" -> Map.of("valid", bool(true));
      default -> null;
    };
  }

  /**
   * The handler's due date the head's form submits: the unit's own due date (a working day the
   * handler's may not pass), else the next weekday.
   */
  static String handlerDue(JsonNode task) {
    java.time.ZoneId zone = java.time.ZoneId.of("Asia/Ho_Chi_Minh");
    String due = task.path("due").asText("");
    if (!due.isEmpty() && !"null".equals(due)) {
      return java.time.OffsetDateTime.parse(due, java.time.format.DateTimeFormatter.ofPattern(
          "yyyy-MM-dd'T'HH:mm:ss.SSSZ")).atZoneSameInstant(zone).toLocalDate().toString();
    }
    java.time.LocalDate day = java.time.LocalDate.now(zone).plusDays(1);
    while (day.getDayOfWeek().getValue() > 5) {
      day = day.plusDays(1);
    }
    return day.toString();
  }

  /** A member of the task's candidate group other than user (the unit's handler). */
  static String member(AppNode node, JsonNode task, String user) {
    for (JsonNode link : links(node, task)) {
      if (!link.path("groupId").isNull() && !link.path("groupId").asText().isEmpty()) {
        for (JsonNode member : Client.get(node, "admin", "/engine-rest/user?memberOfGroup="
            + link.get("groupId").asText() + "&maxResults=20").json()) {
          if (!member.get("id").asText().equals(user)) {
            return member.get("id").asText();
          }
        }
      }
    }
    return user;
  }

  /** The task's candidate links; none when it is gone (worked meanwhile by someone else). */
  static JsonNode links(AppNode node, JsonNode task) {
    Answer links = Client.get(node, "admin", "/engine-rest/task/" + task.get("id").asText()
        + "/identity-links?type=candidate");
    return links.status() == 200 ? links.json() : Client.JSON.createArrayNode();
  }

  /** Who may work the task: its assignee, a candidate user, or a candidate group's member. */
  static String worker(AppNode node, JsonNode task) {
    String assignee = task.path("assignee").asText("");
    if (!assignee.isEmpty() && !"null".equals(assignee)) {
      return assignee;
    }
    for (JsonNode link : links(node, task)) {
      if (!link.path("userId").isNull() && !link.path("userId").asText().isEmpty()) {
        return link.get("userId").asText();
      }
    }
    for (JsonNode link : links(node, task)) {
      if (!link.path("groupId").isNull()) {
        JsonNode members = Client.get(node, "admin", "/engine-rest/user?memberOfGroup="
            + link.get("groupId").asText() + "&maxResults=1").json();
        if (members.size() > 0) {
          return members.get(0).get("id").asText();
        }
      }
    }
    return null;
  }

  /** Claims (if unassigned) and completes the task; the answer of the completion. */
  static Answer complete(AppNode node, JsonNode task) {
    String kind = task.get("taskDefinitionKey").asText();
    String user = worker(node, task);
    if (user == null) {
      Answer still = Client.get(node, "admin", "/engine-rest/task/" + task.get("id").asText());
      // gone meanwhile: the 404 a person racing for it would get
      return still.status() == 404 ? still : new Answer(0, "nobody may work " + kind);
    }
    Map<String, Object> form = form(kind, node, task, user);
    if (form == null) {
      return new Answer(0, "no form known for " + kind);
    }
    String id = task.get("id").asText();
    String assignee = task.path("assignee").asText("");
    if (assignee.isEmpty() || "null".equals(assignee)) {
      Answer claimed = Client.post(node, user, "/engine-rest/task/" + id + "/claim",
          Map.of("userId", user));
      if (claimed.status() != 204) {
        return claimed;
      }
    }
    return Client.post(node, user, "/engine-rest/task/" + id + "/complete",
        Map.of("variables", form));
  }

  /** An open task of the kind, if any (null). */
  static JsonNode any(AppNode node, String kind) {
    JsonNode tasks = Client.get(node, "admin", "/engine-rest/task?taskDefinitionKey=" + kind
        + "&maxResults=1").json();
    return tasks.size() == 0 ? null : tasks.get(0);
  }

  private OpenTasks() {}
}
