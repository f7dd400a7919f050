package vn.khcn.workflow.identity;

import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Demo users (profiles demo and test only, {@code khcn.demo.users=true}), password {@value
 * #PASSWORD}. Idempotent: a missing user or membership is created; existing users are left as an
 * administrator may have changed them. firstName holds family and middle names, lastName the given
 * name, so Tasklist shows e.g. "Nguyễn Thị Thu Hà".
 */
@Component
@Order(DemoUsers.ORDER)
@ConditionalOnProperty(name = "khcn.demo.users", havingValue = "true")
public class DemoUsers implements ApplicationRunner {

  public static final int ORDER = 20;
  public static final String PASSWORD = "demo";
  public static final String EMAIL_DOMAIN = "sokhcn.example.vn";

  /** One demo person: login id, family and middle names, given name, group. */
  public record DemoUser(String id, String firstName, String lastName, String groupId) {}

  public static final List<DemoUser> USERS = List.of(
      new DemoUser("admin", "Lê Minh", "Quân", Groups.CAMUNDA_ADMIN),
      new DemoUser("vanthu", "Nguyễn Thị Thu", "Hà", Groups.VAN_THU),
      new DemoUser("giamdoc", "Trần Quốc", "Bảo", Groups.LANH_DAO),
      new DemoUser("phogiamdoc", "Phạm Thị", "Lan", Groups.LANH_DAO),
      new DemoUser("cv.qlkh", "Lê Văn", "Hùng", Groups.PHONG_QLKH),
      new DemoUser("cv.khtc", "Võ Thị", "Mai", Groups.PHONG_KHTC),
      new DemoUser("cv.vp", "Huỳnh Văn", "Tâm", Groups.VAN_PHONG),
      new DemoUser("cv.qlcn", "Đặng Minh", "Khoa", Groups.PHONG_QLCN),
      new DemoUser("chunhiem", "Ngô Thanh", "Sơn", Groups.CHU_NHIEM),
      new DemoUser("hd.chutich", "Bùi Văn", "Thành", Groups.HOI_DONG),
      new DemoUser("hd.phochutich", "Trương Thị", "Hồng", Groups.HOI_DONG),
      new DemoUser("hd.thuky", "Lâm Quốc", "Việt", Groups.HOI_DONG),
      new DemoUser("hd.phanbien1", "Dương Minh", "Trí", Groups.HOI_DONG),
      new DemoUser("hd.phanbien2", "Châu Ngọc", "Anh", Groups.HOI_DONG),
      new DemoUser("hd.uyvien1", "Lý Văn", "Phúc", Groups.HOI_DONG),
      new DemoUser("hd.uyvien2", "Tô Thị", "Hạnh", Groups.HOI_DONG),
      new DemoUser("hd.uyvien3", "Mai Xuân", "Đức", Groups.HOI_DONG),
      new DemoUser("hd.uyvien4", "Hồ Thanh", "Tùng", Groups.HOI_DONG),
      new DemoUser("tp.qlkh", "Nguyễn Văn", "Thắng", Groups.PHONG_QLKH),
      new DemoUser("pp.qlkh", "Trần Thị Ngọc", "Bích", Groups.PHONG_QLKH),
      new DemoUser("tp.khtc", "Lê Thị", "Thu", Groups.PHONG_KHTC),
      new DemoUser("tp.qlcn", "Phan Minh", "Nhựt", Groups.PHONG_QLCN),
      new DemoUser("cvp", "Võ Văn", "Kiệt", Groups.VAN_PHONG));

  /** The demo units' leaders: unit, head, deputies (named only where a unit has none yet). */
  public static final List<List<String>> LEADERS = List.of(
      List.of(Groups.PHONG_QLKH, "tp.qlkh", "pp.qlkh"),
      List.of(Groups.PHONG_KHTC, "tp.khtc"),
      List.of(Groups.PHONG_QLCN, "tp.qlcn"),
      List.of(Groups.VAN_PHONG, "cvp"));

  private static final Logger log = LoggerFactory.getLogger(DemoUsers.class);

  private final IdentityService identityService;
  private final UnitLeaders unitLeaders;

  DemoUsers(IdentityService identityService, UnitLeaders unitLeaders) {
    this.identityService = identityService;
    this.unitLeaders = unitLeaders;
  }

  @Override
  public void run(ApplicationArguments args) {
    int created = 0;
    for (DemoUser demo : USERS) {
      if (identityService.createUserQuery().userId(demo.id()).count() == 0) {
        User user = identityService.newUser(demo.id());
        user.setFirstName(demo.firstName());
        user.setLastName(demo.lastName());
        user.setEmail(demo.id() + "@" + EMAIL_DOMAIN);
        user.setPassword(PASSWORD);
        identityService.saveUser(user);
        created++;
      }
      if (identityService.createUserQuery().userId(demo.id()).memberOfGroup(demo.groupId())
          .count() == 0) {
        identityService.createMembership(demo.id(), demo.groupId());
      }
    }
    for (List<String> leaders : LEADERS) {
      String unit = leaders.get(0);
      if (unitLeaders.headOf(unit).isEmpty() && unitLeaders.deputiesOf(unit).isEmpty()) {
        unitLeaders.replace(unit, leaders.get(1), leaders.subList(2, leaders.size()), "demo");
      }
    }
    log.info("Demo users in place ({} created now, password '{}')", created, PASSWORD);
  }
}
