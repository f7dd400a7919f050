package vn.khcn.workflow.models;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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

  ModelAdminPageController(ModelAdministration models, ModelValidator validator,
      ModelHistory history) {
    this.models = models;
    this.validator = validator;
    this.history = history;
  }

  @GetMapping
  String page(@RequestParam(required = false) String key,
      @RequestParam(required = false) Integer from, @RequestParam(required = false) Integer to,
      Model model) {
    if (key != null && from != null && to != null) {
      try {
        model.addAttribute("diff", models.difference(key, from, to));
        model.addAttribute("diffTitle", key + ": phiên bản " + from + " → " + to);
      } catch (NotFoundException e) {
        model.addAttribute("error", e.getMessage());
      }
    }
    return render(model);
  }

  @PostMapping("/upload")
  String upload(@RequestParam("files") List<MultipartFile> files,
      @RequestParam(defaultValue = "validate") String action, Authentication user, Model model)
      throws IOException {
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
        model.addAttribute("uploadDifferences", models.differenceToLatest(resources));
      }
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
    model.addAttribute("migration", models.plan(key, fromVersion, null));
    model.addAttribute("migrationKey", key);
    model.addAttribute("migrationFrom", fromVersion);
    model.addAttribute("migrationPreview", true);
    return render(model);
  }

  @PostMapping("/{key}/migrate")
  String migrate(@PathVariable String key, @RequestParam int fromVersion, Model model) {
    model.addAttribute("migration", models.migrate(key, fromVersion, null));
    return render(model);
  }

  private String render(Model model) {
    model.addAttribute("processes", models.processes());
    model.addAttribute("history", history.latest(20));
    return "admin-models";
  }
}
