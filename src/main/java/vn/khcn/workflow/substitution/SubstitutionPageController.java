package vn.khcn.workflow.substitution;

import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.khcn.workflow.identity.CurrentUser;
import vn.khcn.workflow.identity.Groups;
import vn.khcn.workflow.identity.UnitLeaders;
import vn.khcn.workflow.shared.web.ConflictException;
import vn.khcn.workflow.shared.web.InvalidInputException;

/**
 * /substitutions: directors, unit heads and deputies name substitutes and see theirs;
 * administrators see all and end any. The same rules as the API ({@link Substitutions}).
 */
@Controller
@RequestMapping("/substitutions")
class SubstitutionPageController {

  private final Substitutions substitutions;
  private final SubstitutionTasklist tasklist;
  private final UnitLeaders unitLeaders;

  SubstitutionPageController(Substitutions substitutions, SubstitutionTasklist tasklist,
      UnitLeaders unitLeaders) {
    this.substitutions = substitutions;
    this.tasklist = tasklist;
    this.unitLeaders = unitLeaders;
  }

  @GetMapping
  String list(Authentication user, Model model) {
    Set<String> groups = allowed(user);
    model.addAttribute("substitutions", substitutions.visibleTo(user.getName(), groups));
    model.addAttribute("people", substitutions.colleaguesOf(user.getName(), groups));
    model.addAttribute("me", user.getName());
    model.addAttribute("today", substitutions.today());
    return "substitutions";
  }

  @PostMapping
  String create(@RequestParam(required = false) String absent,
      @RequestParam(required = false) String substitute,
      @RequestParam(required = false) String from, @RequestParam(required = false) String to,
      @RequestParam(required = false) String reason, Authentication user,
      RedirectAttributes redirect) {
    Set<String> groups = allowed(user);
    try {
      Substitutions.View created = substitutions.create(user.getName(), groups,
          new Substitutions.Request(absent, substitute, from, to, reason));
      tasklist.sync();
      redirect.addFlashAttribute("message", "Đã cử " + created.substituteName() + " làm thay "
          + created.absentName() + ".");
    } catch (InvalidInputException invalid) {
      redirect.addFlashAttribute("error", invalid.fieldErrors().stream()
          .map(e -> label(e.field()) + ": " + e.message()).collect(Collectors.joining("; ")));
    } catch (AccessDeniedException | ConflictException refused) {
      redirect.addFlashAttribute("error", refused.getMessage());
    }
    return "redirect:/substitutions";
  }

  @PostMapping("/{id}/end")
  String end(@PathVariable long id, Authentication user, RedirectAttributes redirect) {
    Set<String> groups = allowed(user);
    try {
      substitutions.end(id, user.getName(), groups);
      tasklist.sync();
      redirect.addFlashAttribute("message", "Đã kết thúc việc làm thay.");
    } catch (AccessDeniedException | ConflictException refused) {
      redirect.addFlashAttribute("error", refused.getMessage());
    }
    return "redirect:/substitutions";
  }

  /** Directors, unit heads and deputies, administrators; 403 for everyone else. */
  private Set<String> allowed(Authentication user) {
    Set<String> groups = CurrentUser.groupIds(user);
    if (!groups.contains(Groups.LANH_DAO) && !groups.contains(Groups.CAMUNDA_ADMIN)
        && unitLeaders.unitsLedBy(user.getName()).isEmpty()) {
      throw new AccessDeniedException("Trang làm thay dành cho lãnh đạo Sở, trưởng đơn vị và"
          + " quản trị hệ thống.");
    }
    return groups;
  }

  private static String label(String field) {
    return switch (field) {
      case "absent" -> "Người vắng mặt";
      case "substitute" -> "Người làm thay";
      case "from" -> "Từ ngày";
      case "to" -> "Đến ngày";
      case "reason" -> "Lý do";
      default -> field;
    };
  }
}
