package vn.khcn.workflow.models;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import vn.khcn.workflow.shared.web.ApiError.FieldError;
import vn.khcn.workflow.shared.web.InvalidInputException;

/** Models at runtime, for administrators only. */
@RestController
@RequestMapping("/api/admin/models")
@PreAuthorize("hasAuthority('camunda-admin')")
class ModelAdminController {

  private final ModelAdministration models;
  private final ModelValidator validator;
  private final ModelHistory history;

  ModelAdminController(ModelAdministration models, ModelValidator validator, ModelHistory history) {
    this.models = models;
    this.validator = validator;
    this.history = history;
  }

  @GetMapping
  List<ModelAdministration.ProcessModelView> list() {
    return models.processes();
  }

  @GetMapping("/history")
  List<ModelDeployment> history(@RequestParam(defaultValue = "50") int count) {
    return history.latest(Math.max(1, Math.min(count, 500)));
  }

  /** Validation only: what deploying these files would say, and what they change. */
  @PostMapping(path = "/validate", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  Map<String, Object> validate(@RequestPart("files") List<MultipartFile> files) throws IOException {
    Map<String, byte[]> resources = read(files);
    List<ModelProblem> problems = validator.validate(resources);
    return Map.of("problems", problems, "differences",
        problems.isEmpty() ? models.differenceToLatest(resources) : Map.of());
  }

  @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  ResponseEntity<ModelAdministration.DeployResult> deploy(
      @RequestPart("files") List<MultipartFile> files, Authentication user) throws IOException {
    ModelAdministration.DeployResult result = models.deploy(read(files), user.getName());
    return ResponseEntity.status(result.problems().isEmpty() ? HttpStatus.CREATED
        : HttpStatus.BAD_REQUEST).body(result);
  }

  @GetMapping("/{key}/diff")
  ModelAdministration.Difference diff(@PathVariable String key, @RequestParam int from,
      @RequestParam int to) {
    return models.difference(key, from, to);
  }

  @PostMapping("/{key}/rollback")
  ResponseEntity<ModelAdministration.DeployResult> rollback(@PathVariable String key,
      @RequestParam int version, Authentication user) {
    ModelAdministration.DeployResult result = models.rollback(key, version, user.getName());
    return ResponseEntity.status(result.problems().isEmpty() ? HttpStatus.CREATED
        : HttpStatus.BAD_REQUEST).body(result);
  }

  /** The plan and the instances it would and would not move; nothing runs. */
  @GetMapping("/{key}/migrations/plan")
  ModelAdministration.MigrationReport plan(@PathVariable String key,
      @RequestParam int fromVersion, @RequestParam(required = false) Integer toVersion) {
    return models.plan(key, fromVersion, toVersion);
  }

  @PostMapping("/{key}/migrations")
  ModelAdministration.MigrationReport migrate(@PathVariable String key,
      @RequestParam int fromVersion, @RequestParam(required = false) Integer toVersion) {
    return models.migrate(key, fromVersion, toVersion);
  }

  private static Map<String, byte[]> read(List<MultipartFile> files) throws IOException {
    if (files == null || files.isEmpty()) {
      throw new InvalidInputException(List.of(new FieldError("files", "chưa chọn tệp mô hình")));
    }
    Map<String, byte[]> resources = new LinkedHashMap<>();
    for (MultipartFile file : files) {
      String name = file.getOriginalFilename() == null ? "" : file.getOriginalFilename();
      name = name.replace('\\', '/');
      name = name.substring(name.lastIndexOf('/') + 1);
      if (name.isBlank()) {
        throw new InvalidInputException(List.of(new FieldError("files", "tệp thiếu tên")));
      }
      resources.put(name, file.getBytes());
    }
    return resources;
  }
}
