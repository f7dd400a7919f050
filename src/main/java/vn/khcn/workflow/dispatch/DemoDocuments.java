package vn.khcn.workflow.dispatch;

import vn.khcn.workflow.identity.ActorResolver;
import static vn.khcn.workflow.dispatch.IncomingDirectiveProcess.Vars;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.spin.plugin.variable.SpinValues;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import vn.khcn.workflow.identity.Groups;

/**
 * Demo profile only: registers the two real documents of shared/samples, as the registry clerk
 * would today. The City Party Committee's program waits for a direction; dispatch 1143-CV/TU has
 * been directed and is in progress at the units. Idempotent: a document already registered
 * (same issuer, number and issue date) is left alone.
 */
@Component
@Order(100)
@ConditionalOnProperty(name = "khcn.demo.documents", havingValue = "true")
class DemoDocuments implements ApplicationRunner {

  private static final Logger LOG = LoggerFactory.getLogger(DemoDocuments.class);
  private static final String ISSUER = "Thành ủy Cần Thơ";

  private final RegistrationService registration;
  private final IncomingDocumentRepository documents;
  private final ActorResolver actors;
  private final IdentityService identityService;
  private final TaskService taskService;
  private final Clock clock;

  DemoDocuments(RegistrationService registration, IncomingDocumentRepository documents,
      ActorResolver actors, IdentityService identityService, TaskService taskService,
      Clock clock) {
    this.registration = registration;
    this.documents = documents;
    this.actors = actors;
    this.identityService = identityService;
    this.taskService = taskService;
    this.clock = clock;
  }

  @Override
  public void run(ApplicationArguments args) {
    LocalDate today = LocalDate.now(clock);
    registerIfAbsent(new Registration(ISSUER, "73-CTr/TU", LocalDate.of(2024, 3, 12),
        "Chương trình",
        "Chương trình thực hiện Nghị quyết số 45-NQ/TW ngày 24/11/2023 Hội nghị lần thứ tám Ban"
            + " Chấp hành Trung ương Đảng khóa XIII về tiếp tục xây dựng và phát huy vai trò của"
            + " đội ngũ trí thức đáp ứng yêu cầu phát triển đất nước nhanh và bền vững trong giai"
            + " đoạn mới",
        "Bí thư Thành ủy", "Nguyễn Văn Hiếu", null, Urgency.NORMAL, Classification.NONE, today,
        "Các sở, ban, ngành, Mặt trận Tổ quốc và các tổ chức chính trị - xã hội thành phố",
        "Bản giấy mang dấu \"ĐẾN Số: 114 Ngày: 15/3/2024\"; phân phối: BCH, các TĐ Đảng TT,"
            + " các Ban XD Đảng, các HC Đoàn thể, LƯU.", Registration.VIETNAMESE, null), null);

    registerIfAbsent(new Registration(ISSUER, "1143-CV/TU", LocalDate.of(2024, 11, 28),
        "Công văn",
        "Tăng cường sự lãnh đạo của Đảng đối với hoạt động của Liên hiệp các Hội Khoa học và Kỹ"
            + " thuật",
        "Phó Bí thư Thường trực Thành ủy", "Phạm Văn Hiếu", null, Urgency.NORMAL,
        Classification.NONE, today,
        "Các quận ủy, huyện ủy; các ban xây dựng Đảng của Thành ủy; các ban cán sự đảng, đảng"
            + " đoàn và đảng ủy trực thuộc Thành ủy; các sở, ban, ngành, Mặt trận Tổ quốc Việt Nam"
            + " và các tổ chức chính trị - xã hội thành phố",
        "Mục 2 và 3 giao các sở, ngành rà soát chính sách đối với Liên hiệp các Hội KH&KT.",
        Registration.VIETNAMESE, null),
        today);
  }

  /** Registers as the registry clerk; with {@code directedAt} set, the director also directs it. */
  private void registerIfAbsent(Registration document, LocalDate directedAt) {
    if (!documents.findDuplicates(document.issuer(), document.documentNumber(),
        document.issuedOn()).isEmpty()) {
      return;
    }
    RegisteredDocument registered;
    try {
      identityService.setAuthentication("vanthu", List.of(Groups.VAN_THU));
      registered = registration.register(document, false, actors.of("vanthu"));
    } finally {
      identityService.clearAuthentication();
    }
    LOG.info("Demo document {} registered as {}", document.documentNumber(),
        registered.businessKey());
    if (directedAt == null) {
      return;
    }
    try {
      identityService.setAuthentication("giamdoc", List.of(Groups.LANH_DAO));
      Task task = taskService.createTaskQuery().processInstanceId(registered.processInstanceId())
          .taskDefinitionKey(IncomingDirectiveProcess.Tasks.GIVE_DIRECTION).singleResult();
      taskService.claim(task.getId(), "giamdoc");
      taskService.complete(task.getId(), Variables.createVariables()
          .putValue(Vars.DIRECTION.name(), "Giao Phòng Quản lý khoa học chủ trì, phối hợp Văn phòng Sở"
              + " rà soát các nội dung liên quan đến ngành khoa học và công nghệ tại mục 2 và 3,"
              + " tham mưu văn bản triển khai; Phòng Quản lý công nghệ biết.")
          .putValue(Vars.INFO_ONLY.name(), false)
          .putValue(Vars.LEAD_UNIT.name(), Groups.PHONG_QLKH)
          .putValue(Vars.COORDINATING_UNITS.name(), SpinValues.jsonValue("[\"" + Groups.VAN_PHONG + "\"]"))
          .putValue(Vars.INFORMED_UNITS.name(), SpinValues.jsonValue("[\"" + Groups.PHONG_QLCN + "\"]"))
          .putValue(Vars.DUE_DATE.name(), directedAt.plusDays(14).toString()));
    } finally {
      identityService.clearAuthentication();
    }
  }
}
