package vn.khcn.workflow.research;

import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.spin.plugin.variable.SpinValues;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.khcn.workflow.research.CouncilDeskService.Action;
import vn.khcn.workflow.shared.web.PageController;

/**
 * /council: the council desk (hoi-dong, session login). Each form posts the fields of one task's
 * form; who acts is the signed-in member, the task is the member's own open one.
 */
@Controller
@PageController(back = "/council")
@RequestMapping("/council")
class CouncilDeskController {

  private static final String NOTE = ResearchTaskProcess.Vars.NOTE.name();
  private static final String COMMENT = ResearchTaskProcess.Vars.COMMENT.name();
  private static final String ACCEPTED = ResearchTaskProcess.Vars.ACCEPTED.name();
  private static final Set<String> BOOLEANS = Set.of(
      AssignmentCouncilProcess.Vars.NO_CONFLICT.name(),
      AssignmentCouncilProcess.Vars.REVISIONS_REQUIRED.name(), ACCEPTED);

  private final CouncilDeskService desk;
  private final vn.khcn.workflow.identity.ActorResolver actors;
  private final Clock clock;

  CouncilDeskController(CouncilDeskService desk, vn.khcn.workflow.identity.ActorResolver actors,
      Clock clock) {
    this.desk = desk;
    this.actors = actors;
    this.clock = clock;
  }

  /** The fields each action's form has. */
  static Set<String> fields(Action action) {
    return switch (action) {
      case DECLARATION -> Set.of(AssignmentCouncilProcess.Vars.NO_CONFLICT.name(), NOTE);
      case SCORE -> {
        Set<String> names = new HashSet<>();
        names.addAll(Criteria.FIELDS);
        names.add(COMMENT);
        yield Set.copyOf(names);
      }
      case GRADE -> Set.of(AcceptanceProcess.Vars.MEMBER_GRADE.name(), COMMENT);
      case MEETING -> Set.of(AssignmentCouncilProcess.Vars.MEETING_DATE.name(),
          AssignmentCouncilProcess.Vars.PRESENT.name(),
          AssignmentCouncilProcess.Vars.REVISIONS_REQUIRED.name(),
          AssignmentCouncilProcess.Vars.REQUIRED_REVISIONS.name(),
          AssignmentCouncilProcess.Vars.NOTES.name());
      case REVISION_CHECK, CONFIRMATION -> Set.of(ACCEPTED, COMMENT);
    };
  }

  @GetMapping
  String page(Authentication user, Model model) {
    model.addAttribute("seats", desk.mine(user.getName()));
    model.addAttribute("userName", actors.of(user.getName()).fullName());
    model.addAttribute("grades", Grade.values());
    model.addAttribute("today", LocalDate.now(clock));
    model.addAttribute("zone", clock.getZone());
    return "council";
  }

  @PostMapping("/{code}/{action}")
  String act(@PathVariable String code, @PathVariable String action,
      @RequestParam MultiValueMap<String, String> params, Authentication user,
      RedirectAttributes redirect) {
    Action kind = Action.ofPath(action);
    DeskPages.onlyFields(params.keySet(), fields(kind));
    Map<String, Object> values = new LinkedHashMap<>();
    for (String name : fields(kind)) {
      List<String> given = params.get(name);
      if (given == null) {
        continue;
      }
      if (name.equals(AssignmentCouncilProcess.Vars.PRESENT.name())) {
        values.put(name, SpinValues.jsonValue(json(given)).create());
        continue;
      }
      String value = given.isEmpty() || given.get(0).isBlank() ? null : given.get(0).strip();
      values.put(name, typed(name, value));
    }
    desk.act(code, kind, values, ResearchController.viewer(user));
    redirect.addFlashAttribute("message", "Đã ghi nhận: " + kind.what + " (" + code + ").");
    return "redirect:/council#" + code;
  }

  private static Object typed(String name, String value) {
    if (value == null) {
      return null;
    }
    if (BOOLEANS.contains(name)) {
      return value.equalsIgnoreCase("true") ? Boolean.TRUE
          : value.equalsIgnoreCase("false") ? Boolean.FALSE : value;
    }
    if (Criteria.FIELDS.contains(name)) {
      try {
        return Long.valueOf(value);
      } catch (NumberFormatException e) {
        return value; // the contract's reader names the field
      }
    }
    return value;
  }

  private static String json(List<String> values) {
    List<String> quoted = new ArrayList<>();
    for (String value : values) {
      quoted.add(com.fasterxml.jackson.databind.node.TextNode.valueOf(value).toString());
    }
    return "[" + String.join(",", quoted) + "]";
  }
}
