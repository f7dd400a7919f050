package vn.khcn.workflow.research;

import java.util.List;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import vn.khcn.workflow.identity.DemoUsers;

/**
 * The council pool of the demo users of group hoi-dong (profiles demo and test). Organisations are
 * those of Cần Thơ's universities and institutes; one expert works at the Trường Chính trị, host
 * organisation of the 2026 sample, so the rule "nobody from the host organisation" shows.
 */
@Component
@Order(DemoUsers.ORDER + 2)
@ConditionalOnProperty(name = "khcn.demo.users", havingValue = "true")
class DemoExperts implements ApplicationRunner {

  static final List<Expert> EXPERTS = List.of(
      new Expert("hd.chutich", "Bùi Văn Thành", "PGS.TS.", "Trường Đại học Cần Thơ",
          "Khoa học xã hội"),
      new Expert("hd.phochutich", "Trương Thị Hồng", "TS.", "Viện Kinh tế – Xã hội TP. Cần Thơ",
          "Kinh tế – xã hội"),
      new Expert("hd.thuky", "Lâm Quốc Việt", "ThS.", "Sở Khoa học và Công nghệ TP. Cần Thơ",
          "Quản lý khoa học"),
      new Expert("hd.phanbien1", "Dương Minh Trí", "TS.", "Trường Đại học Cần Thơ",
          "Chính trị học"),
      new Expert("hd.phanbien2", "Châu Ngọc Anh", "TS.", "Học viện Chính trị khu vực IV",
          "Xây dựng Đảng"),
      new Expert("hd.uyvien1", "Lý Văn Phúc", "TS.", "Trường Đại học Nam Cần Thơ", "Quản trị"),
      new Expert("hd.uyvien2", "Tô Thị Hạnh", "ThS.", "Ban Tuyên giáo và Dân vận Thành ủy Cần Thơ",
          "Tuyên giáo"),
      new Expert("hd.uyvien3", "Mai Xuân Đức", "TS.", "Trường Đại học Tây Đô", "Kinh tế"),
      new Expert("hd.uyvien4", "Hồ Thanh Tùng", "ThS.", "Trường Chính trị TP. Cần Thơ",
          "Lý luận chính trị"));

  private final ExpertRepository experts;

  DemoExperts(ExpertRepository experts) {
    this.experts = experts;
  }

  @Override
  @Transactional
  public void run(ApplicationArguments args) {
    for (Expert expert : EXPERTS) {
      if (!experts.existsById(expert.getUsername())) {
        experts.save(expert);
      }
    }
  }
}
