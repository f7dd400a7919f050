package vn.khcn.workflow.intake;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import vn.khcn.workflow.intake.Extraction.Field;

/**
 * The header of an administrative document (Decree 30/2020, Art. 8 and Appendix I): issuing body,
 * "Số: 994/UBND-KGVX", "Hậu Giang, ngày 19 tháng 6 năm 2017", the type line and the summary (or
 * "V/v …"), and the urgency and classification marks. Reads only the first lines; a field whose
 * rule finds nothing stays absent.
 */
final class HeaderRules {

  /** How many lines from the top make the header (the type and summary come after it). */
  static final int HEADER_LINES = 45;

  private static final Pattern NUMBER = Pattern.compile(
      "(?<![\\p{L}])Số\\s*[:.]{0,2}\\s*(\\d{1,6}[a-zA-Z]?)\\s*([-/])\\s*"
      + "([\\p{Lu}\\d&][\\p{L}\\d&.]*(?:\\s*[-/]\\s*[\\p{L}\\d&.]+)*)");
  private static final Pattern BARE_NUMBER_LABEL = Pattern.compile("^Số\\s*[:.]?$");
  private static final Pattern ARRIVAL_STAMP = Pattern.compile("(?iu)đến\\s*:?\\s*số\\s*:?\\s*(\\d+)"
      + ".{0,12}?ngày\\s*:?\\s*(\\d{1,2}/\\d{1,2}/\\d{2,4})");
  private static final String PLACE_WORD = "\\p{Lu}\\p{Ll}*";
  private static final Pattern DATE = Pattern.compile(
      "((?<![\\p{L}.])(?:(?:TP|Tp|TX|Tx)\\.\\s*)?(?:Thành phố\\s+|Thị xã\\s+)?(?:" + PLACE_WORD
      + "(?:\\s*[-–]\\s*|\\s+)){0,3}" + PLACE_WORD + ")?\\s*[,;]\\s*ngày\\s*(\\d{1,2})\\s*tháng\\s*(\\d{1,2})\\s*năm\\s*(\\d{4})");
  /** The start of a place name a web copy broke off onto the line above ("Bà Rịa - Vũng"). */
  private static final Pattern PLACE_HEAD = Pattern.compile(
      "^(?:" + PLACE_WORD + "(?:\\s*[-–]\\s*|\\s+)){0,2}" + PLACE_WORD + "(?:\\s*[-–])?$");
  private static final Pattern SUBJECT = Pattern.compile("^(?:V/v|V/V|v/v|Về việc)\\s*[:.]?\\s*(.*)$");
  /** Lines that open the body: the summary ends before them. */
  private static final Pattern BODY_START = Pattern.compile(
      "^(?:[-–]\\s*)?(?:Kính gửi|Căn cứ|Thực hiện|Theo|Xét|Nhằm|Để|Trên cơ sở|Vừa qua|Ngày \\d|"
      + "Nơi nhận|Thời gian|Địa điểm|Thành phần|Điều \\d|QUYẾT ĐỊNH:|[IVX]+[-.]|\\d+[-.)]\\s)");
  /** Lines that open the body even right under the type line. */
  private static final Pattern BODY_OPENING = Pattern.compile(
      "^(?:[-–]\\s*)?(?:Kính gửi|Căn cứ|Nơi nhận|Điều \\d|QUYẾT ĐỊNH:)");
  /** The issuing authority's line under a decision's summary ("GIÁM ĐỐC SỞ …"). */
  private static final Pattern AUTHORITY = Pattern.compile("^(?:CHỦ TỊCH|GIÁM ĐỐC|BỘ TRƯỞNG|"
      + "THỦ TƯỚNG|CỤC TRƯỞNG|HIỆU TRƯỞNG|VIỆN TRƯỞNG|TỔNG CỤC TRƯỞNG|CHÁNH VĂN PHÒNG|TRƯỞNG BAN)\\b");
  /** Head words that start the name of a body (a line starting with one starts a new name). */
  private static final Pattern BODY_HEAD = Pattern.compile(
      "^(?:ỦY BAN|UBND|HỘI ĐỒNG|SỞ|BAN|VĂN PHÒNG|PHÒNG|BỘ|CỤC|VỤ|TỔNG CỤC|TRUNG TÂM|VIỆN|"
      + "TRƯỜNG|THƯỜNG TRỰC|THÀNH ỦY|TỈNH ỦY|HUYỆN ỦY|QUẬN ỦY|ĐẢNG ỦY|ĐẢNG BỘ|ĐOÀN|LIÊN HIỆP|HỘI|CÔNG TY|"
      + "BỆNH VIỆN|CHI CỤC|THANH TRA|KHO BẠC|CÔNG AN|BỘ CHỈ HUY|MẶT TRẬN|CHÍNH PHỦ|QUỐC HỘI|"
      + "THỦ TƯỚNG|TÒA ÁN|VIỆN KIỂM SÁT|ĐẠI HỌC|HỌC VIỆN)\\b");
  private static final Pattern PARTY_COMMITTEE = Pattern.compile(
      "^(?:TỈNH ỦY|THÀNH ỦY|HUYỆN ỦY|QUẬN ỦY|THỊ ỦY|ĐẢNG ỦY)$");
  /** An office named only by its kind under its parent body ("UBND TỈNH …" / "VĂN PHÒNG"). */
  private static final Pattern BARE_OFFICE = Pattern.compile("^(?:VĂN PHÒNG|THANH TRA)$");
  private static final Map<String, String> TYPE_LINES = Map.ofEntries(
      Map.entry("CÔNG VĂN", "Công văn"), Map.entry("QUYẾT ĐỊNH", "Quyết định"),
      Map.entry("KẾ HOẠCH", "Kế hoạch"), Map.entry("CHƯƠNG TRÌNH", "Chương trình"),
      Map.entry("THÔNG BÁO", "Thông báo"), Map.entry("BÁO CÁO", "Báo cáo"),
      Map.entry("TỜ TRÌNH", "Tờ trình"), Map.entry("CHỈ THỊ", "Chỉ thị"),
      Map.entry("NGHỊ QUYẾT", "Nghị quyết"), Map.entry("GIẤY MỜI", "Giấy mời"),
      Map.entry("THÔNG TƯ", "Thông tư"), Map.entry("NGHỊ ĐỊNH", "Nghị định"),
      Map.entry("HƯỚNG DẪN", "Hướng dẫn"), Map.entry("QUY ĐỊNH", "Quy định"),
      Map.entry("ĐỀ ÁN", "Đề án"), Map.entry("KẾT LUẬN", "Kết luận"),
      Map.entry("QUY CHẾ", "Quy chế"), Map.entry("CÔNG ĐIỆN", "Công điện"),
      Map.entry("BIÊN BẢN", "Biên bản"), Map.entry("THÔNG TRI", "Thông tri"));
  /** Type abbreviations of symbols (Decree 30/2020 App. III; Party documents: Regulation 66-QĐ/TW). */
  private static final Map<String, String> TYPE_ABBREVIATIONS = Map.ofEntries(
      Map.entry("CV", "Công văn"), Map.entry("QĐ", "Quyết định"), Map.entry("KH", "Kế hoạch"),
      Map.entry("CTR", "Chương trình"), Map.entry("TB", "Thông báo"), Map.entry("BC", "Báo cáo"),
      Map.entry("TTR", "Tờ trình"), Map.entry("CT", "Chỉ thị"), Map.entry("NQ", "Nghị quyết"),
      Map.entry("GM", "Giấy mời"), Map.entry("HD", "Hướng dẫn"), Map.entry("QYĐ", "Quy định"),
      Map.entry("QĐI", "Quy định"), Map.entry("ĐA", "Đề án"), Map.entry("KL", "Kết luận"),
      Map.entry("QC", "Quy chế"), Map.entry("CĐ", "Công điện"), Map.entry("BB", "Biên bản"),
      Map.entry("TT", "Thông tư"), Map.entry("NĐ", "Nghị định"), Map.entry("TTR-UBND", "Tờ trình"));

  static void read(List<String> lines, Map<String, Field> fields, List<String> warnings) {
    int end = Math.min(lines.size(), HEADER_LINES);
    int numberLine = number(lines, end, fields, warnings);
    int dateLine = date(lines, end, fields);
    int typeLine = typeLine(lines, end, fields);
    int subjectLine = summary(lines, end, typeLine, numberLine, dateLine, fields);
    issuer(lines, firstOf(numberLine, dateLine, typeLine, subjectLine, end), fields);
    typeFromSymbol(fields, subjectLine >= 0, lines.subList(0, end).stream()
        .anyMatch(l -> l.startsWith("Kính gửi")));
    marks(lines, end, fields);
  }

  private static int firstOf(int... lines) {
    int first = Integer.MAX_VALUE;
    for (int line : lines) {
      if (line >= 0) {
        first = Math.min(first, line);
      }
    }
    return first;
  }

  private static int number(List<String> lines, int end, Map<String, Field> fields,
      List<String> warnings) {
    for (int i = 0; i < end; i++) {
      String line = lines.get(i);
      Matcher stamp = ARRIVAL_STAMP.matcher(line);
      if (stamp.find()) {
        warnings.add("Tệp có dấu «ĐẾN» số " + stamp.group(1) + " ngày " + stamp.group(2)
            + " của nơi nhận trước: đó không phải số và ngày của văn bản.");
        continue;
      }
      Matcher m = NUMBER.matcher(line);
      if (m.find() || (BARE_NUMBER_LABEL.matcher(line).matches()
          && (m = NUMBER.matcher(withNext(lines, i, end))).find())) {
        String symbol = m.group(3).replaceAll("\\s+", "").replaceAll("[.,;]+$", "");
        String number = m.group(1);
        fields.put("number", new Field(number, 0.95));
        fields.put("symbol", new Field(symbol, 0.9));
        fields.put("documentNumber", new Field(number + m.group(2) + symbol, 0.9));
        return i;
      }
    }
    return -1;
  }

  private static int date(List<String> lines, int end, Map<String, Field> fields) {
    for (int i = 0; i < end; i++) {
      String line = lines.get(i);
      Matcher m = DATE.matcher(line);
      boolean broken = line.endsWith(",") || line.matches(".*,\\s*ngày\\b.*");
      if (m.find() || (broken && (m = DATE.matcher(withNext(lines, i, end))).find())
          || (broken && i + 2 < end
          && (m = DATE.matcher(withNext(lines, i, end) + " " + lines.get(i + 2))).find())) {
        try {
          LocalDate date = LocalDate.of(Integer.parseInt(m.group(4)),
              Integer.parseInt(m.group(3)), Integer.parseInt(m.group(2)));
          if (date.getYear() < 1945) {
            continue;
          }
          fields.put("issuedOn", new Field(date.toString(), 0.95));
          if (m.group(1) != null) {
            String place = m.group(1).strip();
            if (m.start(1) == 0 && i > 0 && PLACE_HEAD.matcher(lines.get(i - 1)).matches()) {
              place = lines.get(i - 1).strip() + " " + place; // "Bà Rịa - Vũng" / "Tàu, ngày …"
            }
            fields.put("place", new Field(place, 0.85));
          }
          return i;
        } catch (DateTimeException | NumberFormatException e) {
          // not a real date: look further
        }
      }
    }
    return -1;
  }

  /** The line and the next one, joined: web copies break "Số:" and the date over two lines. */
  private static String withNext(List<String> lines, int i, int end) {
    return i + 1 < end ? lines.get(i) + " " + lines.get(i + 1) : lines.get(i);
  }

  /** A line that is only a type name in capitals ("CHƯƠNG TRÌNH", "QUYẾT ĐỊNH"). */
  private static int typeLine(List<String> lines, int end, Map<String, Field> fields) {
    for (int i = 0; i < end; i++) {
      String key = lines.get(i).replaceAll("[:.]$", "").strip();
      String type = TYPE_LINES.get(key);
      if (type != null && !(key.equals("QUYẾT ĐỊNH") && lines.get(i).endsWith(":"))) {
        fields.put("documentType", new Field(type, 0.95));
        return i;
      }
    }
    return -1;
  }

  /**
   * The summary: the lines after the type line; or the "V/v" lines; or, in a Party dispatch
   * without "V/v", the lines between the number and the next header element.
   * @return the line of a "V/v" subject, or -1
   */
  private static int summary(List<String> lines, int end, int typeLine, int numberLine,
      int dateLine, Map<String, Field> fields) {
    if (typeLine >= 0) {
      String text = typeSummary(lines, typeLine + 1, end);
      if (!text.isEmpty()) {
        fields.put("summary", new Field(capitalized(text), 0.85));
      }
      return -1;
    }
    for (int i = 0; i < end; i++) {
      Matcher m = SUBJECT.matcher(lines.get(i));
      if (m.matches()) {
        String rest = collect(lines, i + 1, end, true);
        // PDF text glues the date column to a "V/v" line beside it: the date is not the subject
        String first = DATE.matcher(lines.get(i)).replaceAll("").strip();
        String text = (first + " " + rest).strip();
        if (!text.isEmpty()) {
          fields.put("summary", new Field(text, 0.9));
        }
        return i;
      }
    }
    if (numberLine >= 0) {
      String text = collect(lines, numberLine + 1, end, true);
      if (!text.isEmpty() && text.length() <= 500) {
        fields.put("summary", new Field(text, 0.7));
      }
    }
    return -1;
  }

  /**
   * The summary under a type line: its first line belongs to it even when it opens like a body
   * sentence ("Thực hiện Chương trình …"); a summary printed in capitals goes on until the issuing
   * authority's line ("ỦY BAN NHÂN DÂN TỈNH …", "GIÁM ĐỐC SỞ …").
   */
  private static String typeSummary(List<String> lines, int from, int end) {
    if (from >= end || BODY_OPENING.matcher(lines.get(from)).find()) {
      return "";
    }
    if (!TextCleanup.isUpper(lines.get(from))) {
      String first = lines.get(from);
      String rest = first.endsWith(".") ? "" : collect(lines, from + 1, end, true, first);
      return (first + " " + rest).replaceAll("\\s+", " ").strip();
    }
    List<String> parts = new ArrayList<>(List.of(lines.get(from)));
    for (int i = from + 1; i < end && parts.size() < 6; i++) {
      String line = lines.get(i);
      boolean letters = line.codePoints().anyMatch(Character::isLetter);
      if ((letters && !TextCleanup.isUpper(line)) || BODY_HEAD.matcher(line).find()
          || AUTHORITY.matcher(line).find() || TYPE_LINES.containsKey(line)) {
        break;
      }
      parts.add(line);
    }
    return String.join(" ", parts).replaceAll("\\s+", " ").strip();
  }

  private static String collect(List<String> lines, int from, int end, boolean stopAtUpper) {
    return collect(lines, from, end, stopAtUpper, null);
  }

  /**
   * Lines from {@code from} until the body or another header element, joined with spaces. A
   * long line starting with a capital after the first is a body sentence that PDF text put right
   * under the summary (the blank line between them is lost).
   */
  private static String collect(List<String> lines, int from, int end, boolean stopAtUpper,
      String before) {
    List<String> parts = new ArrayList<>();
    for (int i = from; i < end && parts.size() < 6; i++) {
      String line = lines.get(i);
      boolean continuing = !parts.isEmpty() || before != null;
      if (BODY_START.matcher(line).find() || DATE.matcher(line).find() || line.startsWith("*")
          || (stopAtUpper && TextCleanup.isUpper(line)) || line.length() > 160
          || (!parts.isEmpty() && parts.get(parts.size() - 1).endsWith("."))
          || (continuing && line.length() > 80 && Character.isUpperCase(line.codePointAt(0)))) {
        break;
      }
      if (line.endsWith(":") && !parts.isEmpty()) {
        break;
      }
      parts.add(line);
    }
    return String.join(" ", parts).replaceAll("\\s+", " ").strip();
  }

  /**
   * The issuing body: the capital lines at the top, before the number or type. A line starting
   * with a body's head word starts a name, other lines continue it ("ỦY BAN NHÂN DÂN" + "TỈNH HẬU
   * GIANG"); with two names the first is the parent body and the last the issuer.
   */
  private static void issuer(List<String> lines, int before, Map<String, Field> fields) {
    List<String> names = new ArrayList<>();
    int limit = Math.min(before, Math.min(lines.size(), 8));
    for (int i = 0; i < limit; i++) {
      String line = lines.get(i);
      if (!TextCleanup.isUpper(line) || TYPE_LINES.containsKey(line)
          || line.matches("^(?:HỎA TỐC|THƯỢNG KHẨN|KHẨN|MẬT|TỐI MẬT|TUYỆT MẬT)$")) {
        if (!names.isEmpty()) {
          break;
        }
        continue;
      }
      if (BODY_HEAD.matcher(line).find()) {
        names.add(line);
      } else if (names.isEmpty()) {
        continue;
      } else {
        names.set(names.size() - 1, names.get(names.size() - 1) + " " + line);
      }
    }
    if (!names.isEmpty()) {
      String issuer = names.get(names.size() - 1);
      Matcher bare = PARTY_COMMITTEE.matcher(issuer);
      if (bare.matches() && names.size() > 1 && names.get(0).startsWith("ĐẢNG BỘ ")) {
        String place = names.get(0).substring("ĐẢNG BỘ ".length())
            .replaceFirst("^(?:TỈNH|THÀNH PHỐ|TP\\.?|HUYỆN|QUẬN|THỊ XÃ|XÃ|PHƯỜNG)\\s+", "");
        issuer = issuer + " " + place;
      } else if (BARE_OFFICE.matcher(issuer).matches() && names.size() > 1) {
        issuer = issuer + " " + names.get(names.size() - 2);
      }
      fields.put("issuer", new Field(issuer, names.size() == 1 ? 0.9 : 0.8));
    }
  }

  /** The type from the symbol's abbreviation ("1143-CV/TU", "45/QĐ-UBND"); a "V/v" subject means a Công văn. */
  private static void typeFromSymbol(Map<String, Field> fields, boolean subjectLine,
      boolean addressed) {
    if (fields.containsKey("documentType")) {
      return;
    }
    Field symbol = fields.get("symbol");
    if (symbol != null) {
      String first = symbol.value().toString().split("[-/]")[0].toUpperCase(Locale.ROOT);
      String type = TYPE_ABBREVIATIONS.get(first);
      if (type != null) {
        fields.put("documentType", new Field(type, 0.9));
        return;
      }
    }
    if (subjectLine) {
      fields.put("documentType", new Field("Công văn", 0.85));
    } else if (addressed) {
      fields.put("documentType", new Field("Công văn", 0.7)); // only a công văn opens "Kính gửi" untitled
    }
  }

  /** Urgency and classification marks standing on their own in the header. */
  private static void marks(List<String> lines, int end, Map<String, Field> fields) {
    for (int i = 0; i < end; i++) {
      String mark = lines.get(i).replaceAll("[^\\p{L} ]", "").strip();
      switch (mark) {
        case "HỎA TỐC", "HỎA TỐC HẸN GIỜ" -> fields.putIfAbsent("urgency", new Field("FLASH", 0.9));
        case "THƯỢNG KHẨN" -> fields.putIfAbsent("urgency", new Field("VERY_URGENT", 0.9));
        case "KHẨN" -> fields.putIfAbsent("urgency", new Field("URGENT", 0.9));
        case "MẬT" -> fields.putIfAbsent("classification", new Field("CONFIDENTIAL", 0.9));
        case "TỐI MẬT" -> fields.putIfAbsent("classification", new Field("SECRET", 0.9));
        case "TUYỆT MẬT" -> fields.putIfAbsent("classification", new Field("TOP_SECRET", 0.9));
        default -> { }
      }
    }
  }

  private static String capitalized(String text) {
    return text.substring(0, 1).toUpperCase(Locale.ROOT) + text.substring(1);
  }

  private HeaderRules() {}
}
