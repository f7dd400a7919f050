package vn.khcn.workflow.outgoing;

import java.util.List;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import vn.khcn.workflow.shared.web.NotFoundException;

/**
 * Administrators keep who signs for the Department (ADR 0032): the Director and the Deputy
 * Directors with their fields, and the working rules' "TL." list. Directors read them.
 */
@RestController
@RequestMapping("/api/admin/signing")
class SigningAdminController {

  static final String ADMIN = "hasAuthority('camunda-admin')";

  /** position: DIRECTOR or DEPUTY; a deputy's field: drafting units and document types. */
  record PositionRequest(String position, List<String> units, List<String> documentTypes) {}

  /** The whole "TL." list. */
  record TlRulesRequest(List<SigningPositions.TlRule> rules) {}

  private final SigningPositions positions;

  SigningAdminController(SigningPositions positions) {
    this.positions = positions;
  }

  @GetMapping("/positions")
  @PreAuthorize("hasAnyAuthority('camunda-admin','lanh-dao')")
  List<SigningPositions.Leader> positions() {
    return positions.all();
  }

  @PutMapping("/positions/{userId}")
  @PreAuthorize(ADMIN)
  SigningPositions.Leader put(@PathVariable String userId, @RequestBody PositionRequest request,
      Authentication user) {
    return positions.put(userId, request.position(), request.units(), request.documentTypes(),
        user.getName());
  }

  @DeleteMapping("/positions/{userId}")
  @PreAuthorize(ADMIN)
  ResponseEntity<Void> remove(@PathVariable String userId) {
    if (!positions.remove(userId)) {
      throw new NotFoundException("'" + userId + "' không có chức vụ ký nào");
    }
    return ResponseEntity.noContent().build();
  }

  @GetMapping("/tl-rules")
  @PreAuthorize("hasAnyAuthority('camunda-admin','lanh-dao')")
  List<SigningPositions.TlRule> tlRules() {
    return positions.tlRules();
  }

  @PutMapping("/tl-rules")
  @PreAuthorize(ADMIN)
  Map<String, List<SigningPositions.TlRule>> replaceTlRules(
      @RequestBody TlRulesRequest request) {
    return Map.of("rules", positions.replaceTlRules(request.rules()));
  }
}
