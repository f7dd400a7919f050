package vn.khcn.workflow.research;

import java.net.URI;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import vn.khcn.workflow.identity.ActorResolver;

/** Calls for competitive selection (README "Competitive selection", ADR 0029). */
@RestController
@RequestMapping("/api/research/calls")
class SelectionCallController {

  static final String READERS =
      "hasAnyAuthority('lanh-dao','phong-qlkh','phong-khtc','camunda-admin','chu-nhiem')";

  private final SelectionCallService service;
  private final ActorResolver actors;

  SelectionCallController(SelectionCallService service, ActorResolver actors) {
    this.service = service;
    this.actors = actors;
  }

  @PostMapping
  @PreAuthorize("hasAuthority('phong-qlkh')")
  ResponseEntity<SelectionCallService.CallSummary> open(
      @RequestBody(required = false) CallRequest request, Authentication user) {
    SelectionCallService.CallSummary call = service.open(request, actors.of(user.getName()));
    return ResponseEntity.created(URI.create("/api/research/calls/" + call.id())).body(call);
  }

  @GetMapping
  @PreAuthorize(READERS)
  List<SelectionCallService.CallSummary> list() {
    return service.list();
  }

  /** Staff read the dossiers and the ranking; an investigator the call only. */
  @GetMapping("/{id}")
  @PreAuthorize(READERS)
  SelectionCallService.CallDetails details(@PathVariable long id, Authentication user) {
    return service.details(id, ResearchController.viewer(user).isStaff());
  }
}
