package vn.khcn.workflow.identity;

import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The Department's units with their leaders, for choosing lead, co-ordinating and informed units:
 * anyone signed in reads them, administrators name the leaders.
 */
@RestController
class UnitLeaderController {

  /** {@code head}: a member of the unit or null; {@code deputies}: members of the unit. */
  record LeadersRequest(String head, List<String> deputies) {}

  private final UnitLeaders unitLeaders;

  UnitLeaderController(UnitLeaders unitLeaders) {
    this.unitLeaders = unitLeaders;
  }

  @GetMapping("/api/units")
  List<UnitLeaders.Leadership> units() {
    return unitLeaders.all();
  }

  @PutMapping("/api/admin/units/{unit}/leaders")
  @PreAuthorize("hasAuthority('camunda-admin')")
  UnitLeaders.Leadership replace(@PathVariable String unit, @RequestBody LeadersRequest request,
      Authentication user) {
    return unitLeaders.replace(unit, request.head(), request.deputies(), user.getName());
  }
}
