package vn.khcn.workflow.home;

import java.util.Set;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import vn.khcn.workflow.calendar.CalendarWarning;
import vn.khcn.workflow.identity.CurrentUser;
import vn.khcn.workflow.identity.Groups;

/** "/": the home page of a logged-in person, what he can do by group (anonymous: /login). */
@Controller
class HomePageController {

  static final String TASKLIST = "/camunda/app/tasklist/default/";

  private final HomeSummary summary;
  private final CurrentUser currentUser;
  private final CalendarWarning calendarWarning;

  HomePageController(HomeSummary summary, CurrentUser currentUser,
      CalendarWarning calendarWarning) {
    this.summary = summary;
    this.currentUser = currentUser;
    this.calendarWarning = calendarWarning;
  }

  @GetMapping("/")
  String home(Authentication authentication, Model model) {
    Set<String> groups = CurrentUser.groupIds(authentication);
    model.addAttribute("name", currentUser.fullName(authentication.getName()));
    model.addAttribute("groupNames", Groups.ALL.stream().filter(groups::contains)
        .map(Groups::nameOf).toList());
    model.addAttribute("home", summary.of(authentication.getName(), groups));
    model.addAttribute("tasklist", TASKLIST);
    // the investigators' portal, the council desk and investigators' accounts (issue 18)
    model.addAttribute("portal", groups.contains(Groups.CHU_NHIEM));
    model.addAttribute("councilDesk", groups.contains(Groups.HOI_DONG));
    model.addAttribute("investigatorAccounts", groups.contains(Groups.PHONG_QLKH));
    // the Department's staff find documents (/documents); the registry also registers them
    model.addAttribute("finder", Groups.STAFF.stream().anyMatch(groups::contains));
    // reports (issue 15): handling for the directors and the Office, research also for QLKH
    model.addAttribute("handlingReport",
        groups.contains(Groups.LANH_DAO) || groups.contains(Groups.VAN_PHONG));
    model.addAttribute("researchReport", groups.contains(Groups.LANH_DAO)
        || groups.contains(Groups.VAN_PHONG) || groups.contains(Groups.PHONG_QLKH));
    // from 1 November: next year has no holidays yet (administrators keep the calendar)
    if (groups.contains(Groups.CAMUNDA_ADMIN)) {
      calendarWarning.missingYear().ifPresent(year -> model.addAttribute("missingCalendarYear",
          year));
    }
    return "home";
  }
}
