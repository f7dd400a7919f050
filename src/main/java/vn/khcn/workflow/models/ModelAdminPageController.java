package vn.khcn.workflow.models;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jakarta.servlet.http.HttpSession;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import vn.khcn.workflow.shared.web.NotFoundException;

/** /admin/models: the administrators' page over {@link ModelAdministration} (camunda-admin only). */
@Controller
@RequestMapping("/admin/models")
class ModelAdminPageController {

  private final ModelAdministration models;
  private final ModelValidator validator;
  private final ModelHistory history;
  private final ModelChanges changes;

  /** Session attribute: the files last checked, kept until deployed or replaced by another check. */
  static final String CHECKED = ModelAdminPageController.class.getName() + ".checked";

  /** Files that passed the check, under a token the deploy button sends back. */
  record CheckedUpload(String token, Map<String, byte[]> resources) implements java.io.Serializable {}

  ModelAdminPageController(ModelAdministration models, ModelValidator validator,
      ModelHistory history, ModelChanges changes) {
    this.models = models;
    this.validator = validator;
    this.history = history;
    this.changes = changes;
  }

  @GetMapping
  String page(@RequestParam(required = false) String key,
      @RequestParam(required = false) Integer from, @RequestParam(required = false) Integer to,
      Model model) {
    if (key != null && from != null && to != null) {
      try {
        model.addAttribute("diff", changes.between(key, from, to));
        model.addAttribute("diffTitle", key + ": phiên bản " + from + " → " + to);
      } catch (NotFoundException e) {
        model.addAttribute("error", e.getMessage());
      }
    }
    return render(model);
  }

  @PostMapping("/upload")
  String upload(@RequestParam("files") List<MultipartFile> files,
      @RequestParam(defaultValue = "validate") String action, Authentication user,
      HttpSession session, Model model) throws IOException {
    Map<String, byte[]> resources = new LinkedHashMap<>();
    for (MultipartFile file : files) {
      if (!file.isEmpty()) {
        String name = file.getOriginalFilename() == null ? "model" : file.getOriginalFilename();
        resources.put(name.substring(name.replace('\\', '/').lastIndexOf('/') + 1), file.getBytes());
      }
    }
    if (resources.isEmpty()) {
      model.addAttribute("error", "Chưa chọn tệp mô hình.");
      return render(model);
    }
    if ("deploy".equals(action)) {
      ModelAdministration.DeployResult result = models.deploy(resources, user.getName());
      model.addAttribute("problems", result.problems());
      if (result.problems().isEmpty()) {
        model.addAttribute("message", result.deployed().isEmpty()
            ? "Không có thay đổi so với phiên bản hiện tại; không triển khai gì."
            : "Đã triển khai: " + String.join(", ", result.deployed()));
      }
    } else {
      List<ModelProblem> problems = validator.validate(resources);
      model.addAttribute("problems", problems);
      if (problems.isEmpty()) {
        model.addAttribute("message", "Hợp lệ, có thể triển khai: " + String.join(", ", resources.keySet()));
        model.addAttribute("uploadChanges", changes.upload(resources));
        // kept on the server: the deploy button sends only this token, no file is picked again
        CheckedUpload checked = new CheckedUpload(java.util.UUID.randomUUID().toString(),
            Map.copyOf(resources));
        session.setAttribute(CHECKED, checked);
        model.addAttribute("checked", checked);
      }
    }
    return render(model);
  }

  /** Deploys the files checked before in this session (the token of that check). */
  @PostMapping("/deploy")
  String deployChecked(@RequestParam(required = false) String token, Authentication user,
      HttpSession session, Model model) {
    if (!(session.getAttribute(CHECKED) instanceof CheckedUpload checked)
        || !checked.token().equals(token)) {
      model.addAttribute("error", "Không còn tệp đã kiểm tra trong phiên làm việc này (đã triển"
          + " khai, hoặc đã kiểm tra tệp khác sau đó). Hãy chọn tệp và kiểm tra lại.");
      return render(model);
    }
    session.removeAttribute(CHECKED);
    ModelAdministration.DeployResult result = models.deploy(checked.resources(), user.getName());
    model.addAttribute("problems", result.problems());
    if (result.problems().isEmpty()) {
      model.addAttribute("message", result.deployed().isEmpty()
          ? "Không có thay đổi so với phiên bản hiện tại; không triển khai gì."
          : "Đã triển khai: " + String.join(", ", result.deployed()));
    }
    return render(model);
  }

  @PostMapping("/{key}/rollback")
  String rollback(@PathVariable String key, @RequestParam int version, Authentication user,
      Model model) {
    ModelAdministration.DeployResult result = models.rollback(key, version, user.getName());
    model.addAttribute("problems", result.problems());
    if (result.problems().isEmpty()) {
      model.addAttribute("message", "Đã khôi phục " + key + " phiên bản " + version
          + " thành phiên bản mới nhất.");
    }
    return render(model);
  }

  /** The plan, shown before anything runs, with a button to run it. */
  @GetMapping("/{key}/migrate")
  String planMigration(@PathVariable String key, @RequestParam int fromVersion, Model model) {
    ModelAdministration.MigrationReport plan = models.plan(key, fromVersion, null);
    model.addAttribute("migration", plan);
    model.addAttribute("migrationSteps", migrationSteps(plan));
    model.addAttribute("migrationKey", key);
    model.addAttribute("migrationFrom", fromVersion);
    model.addAttribute("migrationPreview", true);
    return render(model);
  }

  @PostMapping("/{key}/migrate")
  String migrate(@PathVariable String key, @RequestParam int fromVersion, Model model) {
    ModelAdministration.MigrationReport done = models.migrate(key, fromVersion, null);
    model.addAttribute("migration", done);
    model.addAttribute("migrationSteps", migrationSteps(done));
    return render(model);
  }

  /** The plan in names: what maps to what, and where the instances that stay are waiting. */
  private MigrationSteps migrationSteps(ModelAdministration.MigrationReport report) {
    Map<String, String> source = changes.names(report.sourceDefinitionId());
    Map<String, String> target = changes.names(report.targetDefinitionId());
    List<String> mapped = new java.util.ArrayList<>();
    for (String instruction : report.instructions()) {
      String[] ids = instruction.split(" → ", 2);
      String from = source.getOrDefault(ids[0], ids[0]);
      String to = ids.length > 1 ? target.getOrDefault(ids[1], ids[1]) : "?";
      mapped.add(from.equals(to) ? from + " → giữ nguyên" : from + " → " + to);
    }
    Map<String, String> staying = new LinkedHashMap<>();
    report.waitingIn().forEach((instance, activities) -> staying.put(instance, "đang ở "
        + String.join(", ", activities.stream().map(a -> source.getOrDefault(a, a)).toList())
        + " – không có trong phiên bản mới"));
    return new MigrationSteps(mapped, staying);
  }

  /** The migration plan as the page shows it. */
  record MigrationSteps(List<String> mapped, Map<String, String> staying) {}

  private String render(Model model) {
    model.addAttribute("processes", models.processes());
    model.addAttribute("history", history.latest(20));
    return "admin-models";
  }
}
