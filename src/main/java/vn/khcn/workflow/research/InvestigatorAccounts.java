package vn.khcn.workflow.research;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.khcn.workflow.identity.EngineAuthentication;
import vn.khcn.workflow.identity.Groups;
import vn.khcn.workflow.shared.text.TypedText;
import vn.khcn.workflow.shared.web.ApiError.FieldError;
import vn.khcn.workflow.shared.web.ConflictException;
import vn.khcn.workflow.shared.web.InvalidInputException;

/**
 * Investigators' accounts, created by phong-qlkh (ADR 0023): a Camunda user in group chu-nhiem and
 * no other group, its organisation in {@link InvestigatorAccount}, an initial password generated
 * here and shown once to the creator. One transaction: a refusal creates nothing.
 */
@Service
class InvestigatorAccounts {

  /** The body of POST /api/research/investigators and of the accounts page's form. */
  record NewInvestigator(String id, String name, String email, String organisation) {}

  /** A created account with its initial password (shown once, never stored in clear). */
  record Created(String id, String name, String email, String organisation, String group,
      String initialPassword) {}

  static final Pattern USER_ID = Pattern.compile("[a-z0-9][a-z0-9._-]{2,63}");
  private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]+");
  private static final String PASSWORD_SIGNS =
      "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
  private static final SecureRandom RANDOM = new SecureRandom();

  private final InvestigatorAccountRepository accounts;
  private final IdentityService identityService;
  private final Clock clock;

  InvestigatorAccounts(InvestigatorAccountRepository accounts, IdentityService identityService,
      Clock clock) {
    this.accounts = accounts;
    this.identityService = identityService;
    this.clock = clock;
  }

  @Transactional(readOnly = true)
  List<InvestigatorAccount> all() {
    return accounts.findAllByOrderByCreatedAtDesc();
  }

  /** The organisation of an investigator with an account (empty for accounts made otherwise). */
  @Transactional(readOnly = true)
  Optional<String> organisationOf(String userId) {
    return accounts.findById(userId).map(InvestigatorAccount::getOrganisation);
  }

  @Transactional
  Created create(NewInvestigator request, String createdBy) {
    NewInvestigator body = request == null ? new NewInvestigator(null, null, null, null)
        : request;
    List<FieldError> problems = new ArrayList<>();
    String id = body.id() == null ? null : body.id().strip();
    if (id == null || id.isEmpty()) {
      problems.add(new FieldError("id", "nhập tên đăng nhập"));
    } else if (!USER_ID.matcher(id).matches()) {
      problems.add(new FieldError("id", "tên đăng nhập gồm 3–64 ký tự a-z, 0-9, dấu chấm, gạch"
          + " ngang hoặc gạch dưới, bắt đầu bằng chữ hoặc số"));
    }
    String name = text(body.name(), "name", "họ và tên", 200, problems);
    String email = text(body.email(), "email", "thư điện tử", 254, problems);
    if (email != null && !EMAIL.matcher(email).matches()) {
      problems.add(new FieldError("email", "thư điện tử không đúng dạng (ví dụ: ten@coquan.vn)"));
    }
    String organisation = text(body.organisation(), "organisation", "cơ quan chủ trì", 300,
        problems);
    if (!problems.isEmpty()) {
      throw new InvalidInputException(problems);
    }
    boolean taken = EngineAuthentication.withoutAuthentication(identityService, () ->
        identityService.createUserQuery().userId(id).count() > 0
            || identityService.createGroupQuery().groupId(id).count() > 0);
    if (taken) {
      throw new ConflictException("Tên đăng nhập '" + id + "' đã có người dùng; chọn tên khác"
          + " (tài khoản có sẵn không được chuyển thành chủ nhiệm)", java.util.Map.of("id", id));
    }
    String password = password();
    EngineAuthentication.withoutAuthentication(identityService, () -> {
      User user = identityService.newUser(id);
      int space = name.lastIndexOf(' ');
      user.setFirstName(space < 0 ? name : name.substring(0, space));
      user.setLastName(space < 0 ? "" : name.substring(space + 1));
      user.setEmail(email);
      user.setPassword(password);
      identityService.saveUser(user);
      identityService.createMembership(id, Groups.CHU_NHIEM);
      return null;
    });
    accounts.save(new InvestigatorAccount(id, name, email, organisation, createdBy,
        clock.instant()));
    return new Created(id, name, email, organisation, Groups.CHU_NHIEM, password);
  }

  private static String text(String value, String field, String label, int max,
      List<FieldError> problems) {
    String text = TypedText.normalize(value);
    Optional<String> unreadable = TypedText.problem(text);
    if (unreadable.isPresent()) {
      problems.add(new FieldError(field, label + " " + unreadable.get()));
      return null;
    }
    if (text == null || text.isBlank()) {
      problems.add(new FieldError(field, "nhập " + label));
      return null;
    }
    text = text.strip();
    if (text.length() > max) {
      problems.add(new FieldError(field, label + " dài quá " + max + " ký tự"));
      return null;
    }
    return text;
  }

  /** 16 signs of an alphabet without look-alikes (about 93 bits). */
  private static String password() {
    StringBuilder password = new StringBuilder(16);
    for (int i = 0; i < 16; i++) {
      password.append(PASSWORD_SIGNS.charAt(RANDOM.nextInt(PASSWORD_SIGNS.length())));
    }
    return password.toString();
  }
}
