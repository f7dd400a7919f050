package vn.khcn.workflow.models;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;
import org.springframework.web.util.UrlPathHelper;
import vn.khcn.workflow.security.CachedBodyRequest;

/**
 * Deployments through the REST API (Camunda Modeler's Deploy button sends
 * {@code POST /engine-rest/deployment/create}, multipart) pass the same {@link ModelValidator} as
 * the files in processes/. A refused deployment answers 400 listing every problem and reaches no
 * engine. Who may deploy at all is Camunda's authorization (DEPLOYMENT CREATE: camunda-admin).
 */
class DeploymentValidationGuard extends OncePerRequestFilter {

  static final int MAX_BODY_BYTES = 10 * 1024 * 1024;
  private static final Pattern GUARDED_PATH = Pattern.compile(
      "^/(engine-rest|camunda/api/engine)(/engine/[^/]+)?/deployment/create/?$");
  private static final Pattern BOUNDARY = Pattern.compile("boundary=\"?([^\";]+)\"?");
  /** Form fields of deployment/create that are not resources (Camunda's DeploymentResource). */
  private static final Set<String> FIELDS = Set.of("deployment-name", "enable-duplicate-filtering",
      "deploy-changed-only", "deployment-source", "deployment-activation-time", "tenant-id");
  private static final Logger LOG = LoggerFactory.getLogger(DeploymentValidationGuard.class);

  private final ModelValidator validator;
  private final ObjectMapper json;
  private final IdentityService identityService;
  private final AuthorizationService authorizationService;
  private final ModelHistory history;
  private final UrlPathHelper paths = new UrlPathHelper();

  DeploymentValidationGuard(ModelValidator validator, ObjectMapper json,
      IdentityService identityService, AuthorizationService authorizationService,
      ModelHistory history) {
    this.history = history;
    this.validator = validator;
    this.json = json;
    this.identityService = identityService;
    this.authorizationService = authorizationService;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return !"POST".equalsIgnoreCase(request.getMethod())
        || !GUARDED_PATH.matcher(paths.getPathWithinApplication(request)).matches();
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
      FilterChain chain) throws ServletException, IOException {
    if (!mayDeploy()) {
      chain.doFilter(request, response); // the engine answers 403 before reading any model
      return;
    }
    String contentType = request.getContentType();
    Matcher boundary = contentType == null ? null : BOUNDARY.matcher(contentType);
    if (boundary == null || !contentType.toLowerCase().startsWith("multipart/form-data")
        || !boundary.find()) {
      refuse(request, response, 400, "Triển khai phải gửi dạng multipart/form-data",
          "A deployment must be sent as multipart/form-data", List.of());
      return;
    }
    CachedBodyRequest cached = CachedBodyRequest.read(request, MAX_BODY_BYTES);
    if (cached == null) {
      refuse(request, response, 413, "Gói triển khai quá lớn (tối đa 10 MB)",
          "The deployment is too large (10 MB at most)", List.of());
      return;
    }
    Map<String, byte[]> resources = new LinkedHashMap<>();
    for (MultipartParts.Part part : MultipartParts.parse(cached.body(), boundary.group(1))) {
      if (!FIELDS.contains(part.name())) {
        resources.put(part.fileName() != null ? part.fileName() : part.name(), part.content());
      }
    }
    List<ModelProblem> problems = resources.isEmpty()
        ? List.of(new ModelProblem("", 0, null, "không có tệp mô hình nào", "no model file"))
        : validator.validate(resources);
    if (!problems.isEmpty()) {
      Authentication user = identityService.getCurrentAuthentication();
      String actor = user == null ? "unknown" : user.getUserId();
      LOG.warn("Refused a deployment of {} by {}: {}", resources.keySet(), actor, problems);
      history.record(actor, ModelDeployment.Channel.REST, resources.keySet(),
          ModelDeployment.Result.REFUSED, null, problems);
      refuse(request, response, 400, "Mô hình bị từ chối, không triển khai",
          "Models refused, nothing deployed", problems);
      return;
    }
    ContentCachingResponseWrapper recorded = new ContentCachingResponseWrapper(response);
    try {
      chain.doFilter(cached, recorded);
    } finally {
      recordOutcome(recorded, resources.keySet());
      recorded.copyBodyToResponse();
    }
  }

  /** Keeps a deployment the engine accepted in the model history, with its deployment id. */
  private void recordOutcome(ContentCachingResponseWrapper response,
      java.util.Set<String> resources) {
    if (response.getStatus() != 200) {
      return;
    }
    Authentication user = identityService.getCurrentAuthentication();
    String deploymentId = null;
    try {
      deploymentId = json.readTree(response.getContentAsByteArray()).path("id").asText(null);
    } catch (IOException e) {
      LOG.debug("Deployment response without a JSON id", e);
    }
    history.record(user == null ? "unknown" : user.getUserId(), ModelDeployment.Channel.REST,
        resources, ModelDeployment.Result.DEPLOYED, deploymentId, null);
  }

  /** Whether the engine would let the current user deploy (unknown user: validate anyway). */
  private boolean mayDeploy() {
    Authentication user = identityService.getCurrentAuthentication();
    return user == null || authorizationService.isUserAuthorized(user.getUserId(),
        user.getGroupIds(), Permissions.CREATE, Resources.DEPLOYMENT);
  }

  private void refuse(HttpServletRequest request, HttpServletResponse response, int status,
      String vi, String en, List<ModelProblem> problems) throws IOException {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("type", "ModelValidationException");
    body.put("status", status);
    body.put("message", vi + " / " + en);
    body.put("path", request.getRequestURI());
    body.put("problems", problems);
    response.setStatus(status);
    response.setContentType("application/json;charset=UTF-8");
    response.getOutputStream().write(json.writeValueAsBytes(body));
  }

  /** A small multipart/form-data reader: the parts of a body, with their names and file names. */
  static final class MultipartParts {

    record Part(String name, String fileName, byte[] content) {}

    private static final Pattern NAME = Pattern.compile("\\bname=\"([^\"]*)\"");
    private static final Pattern FILE_NAME = Pattern.compile("\\bfilename=\"([^\"]*)\"");

    static List<Part> parse(byte[] body, String boundary) {
      byte[] delimiter = ("--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
      List<Part> parts = new ArrayList<>();
      int start = indexOf(body, delimiter, 0);
      while (start >= 0) {
        int partStart = start + delimiter.length;
        if (partStart + 1 < body.length && body[partStart] == '-' && body[partStart + 1] == '-') {
          break; // closing delimiter
        }
        partStart += 2; // CRLF after the delimiter
        int next = indexOf(body, delimiter, partStart);
        if (next < 0) {
          break;
        }
        int headersEnd = indexOf(body, "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1), partStart);
        if (headersEnd < 0 || headersEnd > next) {
          break;
        }
        String headers = new String(body, partStart, headersEnd - partStart, StandardCharsets.UTF_8);
        int contentEnd = Math.max(headersEnd + 4, next - 2); // CRLF before the delimiter
        byte[] content = java.util.Arrays.copyOfRange(body, headersEnd + 4, contentEnd);
        Matcher name = NAME.matcher(headers);
        Matcher fileName = FILE_NAME.matcher(headers);
        parts.add(new Part(name.find() ? name.group(1) : "",
            fileName.find() ? fileName.group(1) : null, content));
        start = next;
      }
      return parts;
    }

    private static int indexOf(byte[] data, byte[] pattern, int from) {
      outer:
      for (int i = Math.max(from, 0); i <= data.length - pattern.length; i++) {
        for (int j = 0; j < pattern.length; j++) {
          if (data[i + j] != pattern[j]) {
            continue outer;
          }
        }
        return i;
      }
      return -1;
    }
  }
}
