package vn.khcn.workflow.intake;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import vn.khcn.workflow.intake.Extraction.Item;

/**
 * The numbered items of the body ("1- …", "2. …", under "III- …" labelled "III.2") and, per item,
 * the bodies it gives a duty: the subject before the first verb ("Báo Cần Thơ, Đài Phát thanh và
 * Truyền hình thành phố Cần Thơ tăng cường …") and the bodies after "phối hợp với".
 */
final class ItemRules {

  private static final Pattern ROMAN = Pattern.compile("^([IVX]{1,5})\\s*[-.]\\s+\\S");
  private static final Pattern NUMBERED = Pattern.compile("^(\\d{1,2})\\s*[-.)]\\s+(\\S.*)$");
  private static final Pattern END = Pattern.compile(
      "^(?:Nơi nhận|KT\\.|TM\\.|T/M|TL\\.|TUQ\\.)|(?:^|\\s)(?:KT\\.|TM\\.|T/M)\\s+\\p{Lu}");
  private static final String VERBS = "chủ trì|phối hợp|lãnh đạo|chỉ đạo|tăng cường|tiếp tục|"
      + "đẩy mạnh|thực hiện|triển khai|xây dựng|rà soát|tham mưu|có trách nhiệm|"
      + "theo dõi|hướng dẫn|nghiên cứu|phát huy|quan tâm|chịu trách nhiệm|bố trí|kiểm tra|"
      + "đề nghị|báo cáo|chuẩn bị|gửi|cung cấp|phối hợp với|căn cứ|khẩn trương|nâng cao|"
      + "ưu tiên|đôn đốc|giám sát|tiếp nhận|thẩm định|trình|ban hành|cụ thể hóa|tập trung|"
      + "kết nối|bảo đảm|hoàn thành";
  private static final Pattern SUBJECT = Pattern.compile(
      "^(\\p{Lu}.{2,200}?)\\s+(?:" + VERBS + "|theo)(?![\\p{L}])");
  /** What a subject that names bodies starts with. */
  private static final Pattern SUBJECT_HEAD = Pattern.compile(
      "^(?:Sở|Ban|Ủy ban|UBND|Báo|Đài|Mặt trận|Văn phòng|Hội|Liên hiệp|Bộ|Cục|Viện|Trường|"
      + "Đảng|Thành đoàn|Tỉnh đoàn|Công an|Các|Cấp ủy|Quận ủy|Huyện ủy|Thành ủy|Tỉnh ủy|Phòng|"
      + "Trung tâm|Chi cục|Kho bạc|Thanh tra|Hội đồng|Cơ quan|Đơn vị|Bộ Chỉ huy|Tòa án|"
      + "Viện kiểm sát|Người đứng đầu|Thủ trưởng|Chủ tịch|Giám đốc)(?![\\p{L}])");
  private static final Pattern WITH = Pattern.compile(
      "phối hợp(?: chặt chẽ)? với\\s+(.{3,250}?)(?:\\s+(?:" + VERBS + "|để|trong|nhằm)(?![\\p{L}])|[;.]|$)");

  static List<Item> read(List<String> lines) {
    List<Item> items = new ArrayList<>();
    String section = null;
    String label = null;
    StringBuilder text = null;
    for (String line : lines) {
      if (END.matcher(line).find()) {
        break;
      }
      Matcher roman = ROMAN.matcher(line);
      Matcher numbered = NUMBERED.matcher(line);
      if (roman.find()) {
        flush(items, label, text);
        label = null;
        text = null;
        section = roman.group(1);
      } else if (numbered.matches()) {
        flush(items, label, text);
        label = section == null ? numbered.group(1) : section + "." + numbered.group(1);
        text = new StringBuilder(numbered.group(2));
      } else if (text != null) {
        text.append(line.startsWith("-") ? "\n" : " ").append(line);
      }
    }
    flush(items, label, text);
    return items;
  }

  private static void flush(List<Item> items, String label, StringBuilder text) {
    if (label == null || text == null) {
      return;
    }
    String body = text.toString().strip();
    items.add(new Item(label, body, bodies(body)));
  }

  /** The bodies an item names as its subject and after "phối hợp với". */
  static List<String> bodies(String text) {
    List<String> bodies = new ArrayList<>();
    String firstSentence = text.split("\n")[0];
    Matcher subject = SUBJECT.matcher(firstSentence);
    if (subject.find() && SUBJECT_HEAD.matcher(subject.group(1)).find()) {
      split(subject.group(1), bodies);
    }
    Matcher with = WITH.matcher(firstSentence);
    if (with.find()) {
      split(with.group(1), bodies);
    }
    return bodies;
  }

  /**
   * One body per name: split at "và các", ";" and at commas followed by a capital ("Báo Cần Thơ,
   * Đài Phát thanh …"); a comma followed by a small letter continues the name ("Ủy ban nhân dân
   * các huyện, thị xã, thành phố").
   */
  private static void split(String names, List<String> bodies) {
    List<String> parts = new ArrayList<>();
    for (String piece : names.split("\\s+và các\\s+|;\\s*")) {
      StringBuilder current = null;
      for (String part : piece.split(",\\s*")) {
        if (current != null && !part.isEmpty() && Character.isLowerCase(part.codePointAt(0))) {
          current.append(", ").append(part);
        } else {
          if (current != null) {
            parts.add(current.toString());
          }
          current = new StringBuilder(part);
        }
      }
      if (current != null) {
        parts.add(current.toString());
      }
    }
    for (String part : parts) {
      String name = TextCleanup.clean(part);
      if (name.length() >= 3 && !bodies.contains(name) && name.length() <= 150) {
        bodies.add(Character.toUpperCase(name.charAt(0)) + name.substring(1));
      }
    }
  }

  private ItemRules() {}
}
