package vn.khcn.workflow.research;

import jakarta.servlet.http.HttpServletResponse;
import java.net.URI;
import java.util.List;
import java.util.Set;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import vn.khcn.workflow.shared.web.PageRefusals;

/**
 * Investigators' accounts, by phong-qlkh only: the JSON API (POST/GET
 * /api/research/investigators; a body with any other field, a group among them, is refused by the
 * JSON reader) and the page /portal/accounts.
 */
@Controller
class InvestigatorAccountsController {

  static final String QLKH = "hasAuthority('phong-qlkh')";
  static final Set<String> FIELDS = Set.of("id", "name", "email", "organisation");

  private final InvestigatorAccounts accounts;

  InvestigatorAccountsController(InvestigatorAccounts accounts) {
    this.accounts = accounts;
  }

  @PostMapping("/api/research/investigators")
  @PreAuthorize(QLKH)
  @ResponseBody
  ResponseEntity<InvestigatorAccounts.Created> create(
      @RequestBody InvestigatorAccounts.NewInvestigator body, Authentication user) {
    InvestigatorAccounts.Created created = accounts.create(body, user.getName());
    return ResponseEntity.created(URI.create("/api/research/investigators/" + created.id()))
        .body(created);
  }

  @GetMapping("/api/research/investigators")
  @PreAuthorize(QLKH)
  @ResponseBody
  List<InvestigatorAccount> list() {
    return accounts.all();
  }

  @GetMapping("/portal/accounts")
  @PreAuthorize(QLKH)
  String page(Model model) {
    model.addAttribute("accounts", accounts.all());
    return "portal-accounts";
  }

  @PostMapping("/portal/accounts")
  @PreAuthorize(QLKH)
  String createFromPage(@RequestParam MultiValueMap<String, String> params, Authentication user,
      Model model, HttpServletResponse response) {
    try {
      DeskPages.onlyFields(params.keySet(), FIELDS);
      model.addAttribute("created", accounts.create(new InvestigatorAccounts.NewInvestigator(
          params.getFirst("id"), params.getFirst("name"), params.getFirst("email"),
          params.getFirst("organisation")), user.getName()));
    } catch (RuntimeException refused) {
      return PageRefusals.page(refused, "/portal/accounts", response, model);
    }
    model.addAttribute("accounts", accounts.all());
    return "portal-accounts";
  }
}
