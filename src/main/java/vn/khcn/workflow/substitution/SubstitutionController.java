package vn.khcn.workflow.substitution;

import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import vn.khcn.workflow.identity.CurrentUser;

/**
 * /api/substitutions: anyone signed in names their own substitute; directors for directors, unit
 * heads for their unit's members; administrators see all. The rules are in {@link Substitutions}.
 */
@RestController
@RequestMapping("/api/substitutions")
class SubstitutionController {

  private final Substitutions substitutions;
  private final SubstitutionTasklist tasklist;

  SubstitutionController(Substitutions substitutions, SubstitutionTasklist tasklist) {
    this.substitutions = substitutions;
    this.tasklist = tasklist;
  }

  @PostMapping
  ResponseEntity<Substitutions.View> create(@RequestBody Substitutions.Request request,
      Authentication user) {
    Substitutions.View created = substitutions.create(user.getName(), CurrentUser.groupIds(user),
        request);
    tasklist.sync(); // an active one shows in Tasklist at once, not at the next run
    return ResponseEntity.status(HttpStatus.CREATED).body(created);
  }

  @GetMapping
  Map<String, Object> list(Authentication user) {
    List<Substitutions.View> all = substitutions.visibleTo(user.getName(),
        CurrentUser.groupIds(user));
    return Map.of("count", all.size(), "items", all);
  }

  @DeleteMapping("/{id}")
  Substitutions.View end(@PathVariable long id, Authentication user) {
    Substitutions.View ended = substitutions.end(id, user.getName(), CurrentUser.groupIds(user));
    tasklist.sync();
    return ended;
  }
}
