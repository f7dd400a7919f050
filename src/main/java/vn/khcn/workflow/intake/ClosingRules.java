package vn.khcn.workflow.intake;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import vn.khcn.workflow.intake.Extraction.Field;

/**
 * The addressees ("Kính gửi:", else "Nơi nhận:" without "Như trên" and "Lưu") and the signer
 * block ("KT. CHỦ TỊCH / PHÓ CHỦ TỊCH / Trần Văn A"), also when PDF text glued it to the
 * "Nơi nhận" column or broke it over lines; and, when the header had no issuer, the issuer
 * named by a digital-signature stamp ("Cơ quan: Thành ủy Cần Thơ").
 */
final class ClosingRules {

  private static final Pattern KINH_GUI = Pattern.compile("^(?:[-–]\\s*)?Kính gửi\\s*[:.]?\\s*\\*?\\s*(.*)$");
  private static final Pattern NOI_NHAN = Pattern.compile("^Nơi nhận\\s*:?\\s*(.*)$");
  private static final Pattern COMPETENCE = Pattern.compile(
      "(?:^|\\s)(KT\\.|TM\\.|T/M|TL\\.|TUQ\\.|Q\\.)\\s*(?=\\p{Lu})");
  private static final String TITLES = "CHỦ TỊCH|GIÁM ĐỐC|BÍ THƯ|BỘ TRƯỞNG|THỨ TRƯỞNG|"
      + "CHÁNH VĂN PHÒNG|TRƯỞNG BAN|TRƯỞNG PHÒNG|VIỆN TRƯỞNG|HIỆU TRƯỞNG|CỤC TRƯỞNG|"
      + "VỤ TRƯỞNG|CHI CỤC TRƯỞNG|CHÁNH THANH TRA|THỦ TƯỚNG|TRƯỞNG ĐOÀN|TRƯỞNG KHOA|"
      + "CHỦ NHIỆM|TỔNG BIÊN TẬP|THƯỜNG TRỰC|ỦY VIÊN|GIÁM ĐỐC SỞ";
  private static final Pattern POSITION_SPLIT = Pattern.compile(
      "^(KT\\.|TM\\.|T/M|TL\\.|TUQ\\.|Q\\.)\\s*(.+?)\\s+((?:Q\\.\\s*)?(?:PHÓ\\s+|TỔNG\\s+)?"
      + "(?:" + TITLES + ")(?:\\s+\\p{Lu}+)*)$");
  private static final Pattern POSITION = Pattern.compile(
      "((?:Q\\.\\s*)?(?:PHÓ\\s+|TỔNG\\s+)?(?:" + TITLES + ")(?:\\s+\\p{Lu}+)*)$");
  private static final Pattern CAPS_TAIL = Pattern.compile("((?<![\\p{L}])[\\p{Lu}.]+(?:\\s+[\\p{Lu}.]+)*)\\s*$");
  private static final Pattern NAME = Pattern.compile(
      "(?:^|[\\s.;,])((\\p{Lu}\\p{Ll}*)(?:\\s+\\p{Lu}\\p{Ll}*){1,4})$");
  private static final Set<String> SURNAMES = Set.of("Nguyễn", "Trần", "Lê", "Phạm", "Hoàng",
      "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương", "Lý", "Đinh",
      "Đoàn", "Lâm", "Mai", "Trương", "Cao", "Lưu", "Tạ", "Châu", "Tôn", "Thái", "Hà", "Quách",
      "Kiều", "La", "Lương", "Trịnh", "Đào", "Tăng", "Lại", "Triệu", "Nghiêm", "Phùng", "Thân",
      "Vương", "Từ", "Chu", "Tô", "Diệp", "Giang", "Kim", "Lục", "Mạc", "Ông", "Quan", "Tống",
      "Hứa", "Lò", "Sơn", "Thạch", "Danh", "Đàm", "Bạch", "Khổng", "Doãn", "Âu", "Hàn", "Nông",
      "Ninh", "Trình", "Đồng", "Văn", "Khưu", "Lữ", "Tiêu", "Mã", "Viên", "Cù", "Hầu", "Vi");
  /** The filing entry of "Nơi nhận" ("- Lưu: VT, CCVC."), whose unit codes end with a dot. */
  private static final Pattern LUU = Pattern.compile("^[-–+]\\s*Lưu\\b");
  /** Lines of a preamble ("Căn cứ …", "QUYẾT ĐỊNH:"): the signer block comes after them. */
  private static final Pattern PREAMBLE = Pattern.compile(
      "^(?:Căn cứ|Xét đề nghị|Theo đề nghị|QUYẾT ĐỊNH:?$|QUY ĐỊNH:$)");
  private static final Pattern STAMP_ISSUER = Pattern.compile(
      "Cơ quan\\s*:\\s*(.+?)\\s*(?:Email|Thời gian|Ngày ký|$)");

  static void read(List<String> lines, Map<String, Field> fields, List<String> warnings) {
    recipients(lines, fields);
    signer(lines, fields);
    if (!fields.containsKey("issuer")) {
      stampIssuer(lines, fields, warnings);
    }
  }

  private static void recipients(List<String> lines, Map<String, Field> fields) {
    for (int i = 0; i < Math.min(lines.size(), HeaderRules.HEADER_LINES + 10); i++) {
      Matcher m = KINH_GUI.matcher(lines.get(i));
      if (m.matches()) {
        List<String> entries = new ArrayList<>();
        StringBuilder current = new StringBuilder(dashless(m.group(1)));
        for (int j = i + 1; j < lines.size(); j++) {
          String line = lines.get(j);
          if (line.startsWith("-") || line.startsWith("–") || line.startsWith("+")) {
            add(entries, current.toString());
            current = new StringBuilder(dashless(line));
          } else if (!current.isEmpty() && Character.isLowerCase(line.codePointAt(0))
              && line.length() < 120) {
            current.append(' ').append(line);
          } else {
            break;
          }
        }
        add(entries, current.toString());
        if (!entries.isEmpty()) {
          fields.put("recipients", new Field(entries, 0.85));
          return;
        }
      }
    }
    for (int i = lines.size() - 1; i >= 0; i--) {
      Matcher m = NOI_NHAN.matcher(lines.get(i));
      if (m.matches()) {
        List<String> entries = new ArrayList<>();
        boolean open = false;
        for (int j = i + 1; j < lines.size() && j < i + 30; j++) {
          String line = COMPETENCE.matcher(lines.get(j)).find()
              ? lines.get(j).substring(0, competenceStart(lines.get(j))) : lines.get(j);
          if (!(line.startsWith("-") || line.startsWith("–") || line.startsWith("+"))) {
            if (open && !line.isBlank() && !entries.isEmpty()) { // an entry broken after a comma
              String last = entries.remove(entries.size() - 1);
              add(entries, last + ", " + stripPosition(line));
              open = line.strip().endsWith(",");
              continue;
            }
            break;
          }
          String entry = TextCleanup.clean(stripPosition(line));
          boolean kept = !entry.matches("(?iu)^(như\\s+(?:trên|điều|khoản).*|lưu\\b.*)$");
          if (kept) {
            add(entries, entry);
          }
          open = kept && line.strip().endsWith(",");
        }
        if (!entries.isEmpty()) {
          fields.put("recipients", new Field(entries, 0.75));
        }
        return;
      }
    }
  }

  private static String dashless(String text) {
    return text.replaceAll("^[*\\s]+", "").replaceAll("^[-–+]\\s*", "");
  }

  private static void add(List<String> entries, String entry) {
    String clean = TextCleanup.clean(entry);
    if (!clean.isEmpty()) {
      entries.add(clean);
    }
  }

  private static int competenceStart(String line) {
    Matcher m = COMPETENCE.matcher(line);
    return m.find() ? m.start(1) : line.length();
  }

  private static String stripPosition(String line) {
    Matcher tail = CAPS_TAIL.matcher(line);
    if (tail.find() && POSITION.matcher(tail.group(1).strip()).find()
        && tail.start() > 0) {
      return line.substring(0, tail.start());
    }
    return line;
  }

  /**
   * The signer: the last competence mark ("KT.", "TM.", "T/M", "TL.", "TUQ.") or position title,
   * the capital words after it (over several lines, or at the end of lines glued to the "Nơi
   * nhận" column), and the first person's name after them.
   */
  private static void signer(List<String> lines, Map<String, Field> fields) {
    int from = Math.max(0, lines.size() - 45);
    for (int i = lines.size() - 1; i >= from; i--) {
      if (PREAMBLE.matcher(lines.get(i)).find()) {
        from = i + 1; // the signer signs below the preamble, never in the header above it
        break;
      }
    }
    int start = -1;
    int offset = 0;
    for (int i = lines.size() - 1; i >= from && start < 0; i--) {
      if (COMPETENCE.matcher(lines.get(i)).find()) {
        start = i;
        offset = competenceStart(lines.get(i));
      }
    }
    for (int i = lines.size() - 1; i >= from && start < 0; i--) {
      Matcher tail = CAPS_TAIL.matcher(lines.get(i));
      if (tail.find() && POSITION.matcher(tail.group(1).strip()).matches()) {
        start = i;
        offset = tail.start(1);
      }
    }
    if (start < 0) {
      return;
    }
    StringBuilder block = new StringBuilder(lines.get(start).substring(offset).strip());
    int next = start + 1;
    for (; next < lines.size() && next < start + 4; next++) {
      Matcher tail = CAPS_TAIL.matcher(lines.get(next));
      if (!tail.find() || tail.group(1).strip().codePoints().filter(Character::isLetter).count() < 2
          || tail.group(1).strip().endsWith(".")) {
        break;
      }
      String part = tail.group(1).strip();
      if (tail.start() > 0 && LUU.matcher(lines.get(next)).find() && part.contains(". ")) {
        part = part.substring(part.lastIndexOf(". ") + 2);
      }
      block.append(' ').append(part);
      if (tail.start() > 0 && POSITION_SPLIT.matcher(block.toString().strip()).matches()) {
        next++;
        break;
      }
    }
    String text = block.toString().replaceAll("\\s+", " ").replaceAll("[\\s\\-–,;:]+$", "")
        .strip();
    Matcher split = POSITION_SPLIT.matcher(text);
    if (split.matches()) {
      fields.put("signerCompetence", new Field(split.group(1) + " " + split.group(2), 0.85));
      fields.put("signerPosition", new Field(split.group(3), 0.85));
    } else if (COMPETENCE.matcher(text).lookingAt()) {
      fields.put("signerCompetence", new Field(text, 0.75)); // "TL. BỘ TRƯỞNG", no title below
    } else if (POSITION.matcher(text).find()) {
      fields.put("signerPosition", new Field(text, 0.8));
    }
    for (int i = next; i < lines.size() && i < next + 12; i++) {
      Matcher name = NAME.matcher(lines.get(i));
      if (name.find() && SURNAMES.contains(name.group(2))) {
        fields.put("signerName", new Field(name.group(1), 0.9));
        return;
      }
    }
  }

  private static void stampIssuer(List<String> lines, Map<String, Field> fields,
      List<String> warnings) {
    String tail = String.join(" ", lines.subList(Math.max(0, lines.size() - 15), lines.size()));
    Matcher m = STAMP_ISSUER.matcher(tail);
    if (m.find()) {
      String issuer = m.group(1).replaceAll("\\s+", " ").strip();
      fields.put("issuer", new Field(issuer, 0.6));
      warnings.add("Không thấy tên cơ quan ở đầu văn bản; cơ quan ban hành lấy từ dấu chữ ký số: "
          + issuer + ".");
    }
  }

  private ClosingRules() {}
}
