package vn.khcn.workflow.outgoing;

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
import vn.khcn.workflow.identity.CurrentUser;
import vn.khcn.workflow.identity.Groups;

/**
 * Written authorisations to sign "TUQ." (ADR 0032): the Director creates and revokes them (the
 * service refuses anyone else, an authorised person first of all); directors and administrators
 * read them all, anyone else his own.
 */
@RestController
@RequestMapping("/api/signing-authorisations")
class SigningAuthorisationController {

  private final SigningAuthorisations authorisations;

  SigningAuthorisationController(SigningAuthorisations authorisations) {
    this.authorisations = authorisations;
  }

  @GetMapping
  @PreAuthorize(OutgoingDocumentController.STAFF + " or hasAuthority('camunda-admin')")
  List<SigningAuthorisations.Authorisation> list(Authentication user) {
    var groups = CurrentUser.groupIds(user);
    return groups.contains(Groups.LANH_DAO) || groups.contains(Groups.CAMUNDA_ADMIN)
        ? authorisations.all() : authorisations.of(user.getName());
  }

  @PostMapping
  @PreAuthorize(OutgoingDocumentController.STAFF)
  ResponseEntity<SigningAuthorisations.Authorisation> create(
      @RequestBody SigningAuthorisations.Request request, Authentication user) {
    SigningAuthorisations.Authorisation created = authorisations.create(request, user.getName());
    return ResponseEntity.created(URI.create("/api/signing-authorisations/" + created.id()))
        .body(created);
  }

  @PostMapping("/{id}/revoke")
  @PreAuthorize("hasAuthority('lanh-dao')")
  SigningAuthorisations.Authorisation revoke(@PathVariable long id, Authentication user) {
    return authorisations.revoke(id, user.getName());
  }
}
