package vn.khcn.workflow.security;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The Vietnamese login page of our own pages (same accounts as Tasklist). */
@Controller
class LoginPageController {

  @GetMapping("/login")
  String login() {
    return "login";
  }
}
