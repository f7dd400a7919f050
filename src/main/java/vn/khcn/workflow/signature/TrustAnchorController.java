package vn.khcn.workflow.signature;

import java.io.IOException;
import java.net.URI;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartHttpServletRequest;
import vn.khcn.workflow.shared.web.ApiError.FieldError;
import vn.khcn.workflow.shared.web.InvalidInputException;

/**
 * The trust store for signature verification, administrators only: {@code POST} a PEM or DER
 * file as the multipart part {@code file} (and nothing else), {@code GET} the list,
 * {@code DELETE /{id}}.
 */
@RestController
@RequestMapping("/api/admin/trust-anchors")
@PreAuthorize("hasAuthority('camunda-admin')")
class TrustAnchorController {

  private final TrustStore store;

  TrustAnchorController(TrustStore store) {
    this.store = store;
  }

  @GetMapping
  List<TrustStore.AnchorView> list() {
    return store.list();
  }

  @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  ResponseEntity<List<TrustStore.AnchorView>> add(MultipartHttpServletRequest request,
      Authentication user) throws IOException {
    List<TrustStore.AnchorView> added = store.add(onlyFile(request).getBytes(), user.getName());
    return ResponseEntity.created(URI.create("/api/admin/trust-anchors/" + added.get(0).id()))
        .body(added);
  }

  @DeleteMapping("/{id}")
  ResponseEntity<Void> remove(@PathVariable long id) {
    store.remove(id);
    return ResponseEntity.noContent().build();
  }

  /** The one part «file»; any other field or part is refused, naming it. */
  static MultipartFile onlyFile(MultipartHttpServletRequest request) {
    List<String> extra = new java.util.ArrayList<>(request.getParameterMap().keySet());
    request.getFileMap().keySet().stream().filter(name -> !name.equals("file"))
        .forEach(extra::add);
    if (!extra.isEmpty()) {
      throw new InvalidInputException(extra.stream().map(name -> new FieldError(name,
          "trường không được hỗ trợ (chỉ gửi «file»)")).toList());
    }
    List<MultipartFile> files = request.getFiles("file");
    if (files.size() != 1) {
      throw new InvalidInputException(List.of(new FieldError("file",
          files.isEmpty() ? "thiếu tệp chứng thư số" : "mỗi lần chỉ gửi một tệp")));
    }
    return files.get(0);
  }
}
