package vn.khcn.workflow.dispatch;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.khcn.workflow.identity.Actor;
import vn.khcn.workflow.shared.text.SearchText;
import vn.khcn.workflow.shared.web.ApiError.FieldError;
import vn.khcn.workflow.shared.web.ConflictException;
import vn.khcn.workflow.shared.web.InvalidInputException;

/**
 * Imports an earlier register (a paper register typed up, or an earlier system's export) for one
 * year: every row keeps its incoming number, becomes an archived document without a process, with
 * the trail entry "Nhập từ sổ cũ"; the year's series then continues after the highest number. All
 * or nothing: one bad row and nothing is stored. Only the ordinary series is imported (a classified
 * register is not put into files passed around). The columns are {@link #COLUMNS}.
 */
@Service
class RegisterImport {

  /** More rows than this are refused: a year's register of a Department is far smaller. */
  static final int MAX_ROWS = 20_000;

  /** Column key → the headers accepted for it (compared without case, diacritics, punctuation). */
  static final Map<String, List<String>> COLUMNS = columns();
  static final Set<String> REQUIRED = Set.of("incomingNumber", "receivedOn", "issuer",
      "documentNumber", "issuedOn", "documentType", "summary");

  private static final DateTimeFormatter VIETNAMESE_DATE = DateTimeFormatter.ofPattern("d/M/uuuu")
      .withResolverStyle(java.time.format.ResolverStyle.STRICT);

  /** What was imported. */
  record Result(int year, int imported, int highestNumber, int nextNumber) {}

  private final IncomingDocumentRepository documents;
  private final TrailRepository trail;
  private final IncomingNumberAllocator numbers;
  private final RegisterClosures closures;
  private final JdbcTemplate jdbc;
  private final Clock clock;

  RegisterImport(IncomingDocumentRepository documents, TrailRepository trail,
      IncomingNumberAllocator numbers, RegisterClosures closures, JdbcTemplate jdbc, Clock clock) {
    this.documents = documents;
    this.trail = trail;
    this.numbers = numbers;
    this.closures = closures;
    this.jdbc = jdbc;
    this.clock = clock;
  }

  private static Map<String, List<String>> columns() {
    Map<String, List<String>> columns = new LinkedHashMap<>();
    columns.put("incomingNumber", List.of("Số đến"));
    columns.put("receivedOn", List.of("Ngày đến"));
    columns.put("issuer", List.of("Cơ quan ban hành", "Tác giả"));
    columns.put("documentNumber", List.of("Số, ký hiệu", "Số và ký hiệu"));
    columns.put("issuedOn", List.of("Ngày văn bản", "Ngày ban hành", "Ngày tháng"));
    columns.put("documentType", List.of("Loại văn bản"));
    columns.put("summary", List.of("Trích yếu"));
    columns.put("signerPosition", List.of("Chức vụ người ký"));
    columns.put("signerName", List.of("Họ tên người ký", "Người ký"));
    columns.put("pageCount", List.of("Số trang"));
    columns.put("urgency", List.of("Độ khẩn"));
    columns.put("language", List.of("Ngôn ngữ"));
    columns.put("documentDueDate", List.of("Hạn giải quyết"));
    columns.put("recipients", List.of("Nơi nhận", "Đơn vị hoặc người nhận"));
    columns.put("notes", List.of("Ghi chú"));
    return java.util.Collections.unmodifiableMap(columns);
  }

  /** Validates the whole file, then stores every row in one transaction, or refuses it all. */
  @Transactional
  Result importRegister(int year, String fileName, byte[] content, Actor admin) {
    LocalDate today = LocalDate.now(clock);
    if (year < 1945 || year > today.getYear()) {
      throw invalid("year", "năm phải từ 1945 đến " + today.getYear());
    }
    List<Csv.Line> lines = lines(content);
    Map<Integer, String> columnOf = header(lines.get(0));
    if (lines.size() < 2) {
      throw invalid("file", "tệp không có dòng văn bản nào dưới dòng tiêu đề");
    }
    if (lines.size() - 1 > MAX_ROWS) {
      throw invalid("file", "tệp có quá " + MAX_ROWS + " dòng");
    }
    List<FieldError> problems = new ArrayList<>();
    Map<Integer, Registration> rows = new LinkedHashMap<>();
    Map<Integer, Integer> lineOfNumber = new HashMap<>();
    for (Csv.Line line : lines.subList(1, lines.size())) {
      Registration row = row(year, line, columnOf, today, problems, lineOfNumber);
      if (row != null) {
        rows.put(line.number(), row);
      }
    }
    if (!problems.isEmpty()) {
      throw new InvalidInputException(problems);
    }

    numbers.lockLast(NumberSeries.REGULAR, year);
    closures.refuseIfClosed(NumberSeries.REGULAR, year);
    Set<Integer> taken = new HashSet<>(jdbc.queryForList("select incoming_number from"
        + " incoming_document where series = ? and doc_year = ?", Integer.class,
        NumberSeries.REGULAR.name(), year));
    Set<Integer> clashes = new TreeSet<>(lineOfNumber.keySet());
    clashes.retainAll(taken);
    if (!clashes.isEmpty()) {
      throw new ConflictException("Số đến đã có trong " + RegisterClosures.registerName(year,
          false).toLowerCase() + ": " + clashes + ". Không nhập dòng nào.",
          Map.of("year", year, "existingNumbers", List.copyOf(clashes)));
    }
    Instant now = clock.instant();
    int highest = 0;
    Map<Integer, Integer> numberOfLine = new HashMap<>();
    lineOfNumber.forEach((number, line) -> numberOfLine.put(line, number));
    for (Map.Entry<Integer, Registration> row : rows.entrySet()) {
      int number = numberOfLine.get(row.getKey());
      highest = Math.max(highest, number);
      IncomingDocument document = documents.save(
          IncomingDocument.imported(row.getValue(), number, admin.userId(), now));
      trail.save(new TrailEntry(document.getId(), now, admin, TrailAction.IMPORTED, null, null,
          "Nhập từ sổ cũ: tệp " + fileName + ", dòng " + row.getKey()));
    }
    documents.flush();
    numbers.continueAfter(NumberSeries.REGULAR, year, highest);
    int last = numbers.lockLast(NumberSeries.REGULAR, year);
    return new Result(year, rows.size(), highest, last + 1);
  }

  private static List<Csv.Line> lines(byte[] content) {
    String text;
    try {
      text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(content))
          .toString();
    } catch (CharacterCodingException e) {
      throw invalid("file", "tệp không phải văn bản UTF-8 (hãy lưu dạng «CSV UTF-8»)");
    }
    List<Csv.Line> lines;
    try {
      lines = Csv.parse(text);
    } catch (IllegalArgumentException e) {
      throw invalid("file", e.getMessage());
    }
    if (lines.isEmpty()) {
      throw invalid("file", "tệp trống");
    }
    return lines;
  }

  /** Column index → column key; unknown, repeated or missing required headers are refused. */
  private static Map<Integer, String> header(Csv.Line header) {
    Map<String, String> byFolded = new HashMap<>();
    COLUMNS.forEach((key, names) -> {
      byFolded.put(folded(key), key);
      names.forEach(name -> byFolded.put(folded(name), key));
    });
    List<FieldError> problems = new ArrayList<>();
    Map<Integer, String> columnOf = new LinkedHashMap<>();
    for (int i = 0; i < header.cells().size(); i++) {
      String name = header.cells().get(i).strip();
      String key = byFolded.get(folded(name));
      if (key == null) {
        problems.add(new FieldError("header", "cột «" + name + "» không thuộc sổ đăng ký"
            + " (các cột nhận: " + String.join(", ", COLUMNS.keySet()) + ")"));
      } else if (columnOf.containsValue(key)) {
        problems.add(new FieldError("header", "cột «" + name + "» lặp lại cột " + key));
      } else {
        columnOf.put(i, key);
      }
    }
    REQUIRED.stream().sorted().filter(key -> !columnOf.containsValue(key))
        .forEach(key -> problems.add(new FieldError("header", "thiếu cột " + key + " («"
            + COLUMNS.get(key).get(0) + "»)")));
    if (!problems.isEmpty()) {
      throw new InvalidInputException(problems);
    }
    return columnOf;
  }

  private static String folded(String header) {
    return SearchText.fold(header).replaceAll("[^a-z0-9]", "");
  }

  /** One row validated as a registration is, its problems named "rows[line].field". */
  private static Registration row(int year, Csv.Line line, Map<Integer, String> columnOf,
      LocalDate today, List<FieldError> problems, Map<Integer, Integer> lineOfNumber) {
    String where = "rows[" + line.number() + "].";
    String prefix = "dòng " + line.number() + ": ";
    if (line.cells().size() != columnOf.size()) {
      problems.add(new FieldError(where + "cells", prefix + "có " + line.cells().size()
          + " ô, dòng tiêu đề có " + columnOf.size()));
      return null;
    }
    Map<String, String> cell = new HashMap<>();
    columnOf.forEach((i, key) -> cell.put(key, unescape(line.cells().get(i))));
    List<FieldError> found = new ArrayList<>();
    Integer number = incomingNumber(cell.get("incomingNumber"), found);
    if (number != null) {
      Integer earlier = lineOfNumber.putIfAbsent(number, line.number());
      if (earlier != null) {
        found.add(new FieldError("incomingNumber", "số đến " + number + " đã có ở dòng "
            + earlier));
      }
    }
    RegistrationRequest request = new RegistrationRequest(cell.get("issuer"),
        cell.get("documentNumber"), isoDate(cell.get("issuedOn")), cell.get("documentType"),
        cell.get("summary"), cell.get("signerPosition"), cell.get("signerName"),
        cell.get("pageCount"), urgency(cell.get("urgency")), Classification.NONE.name(),
        isoDate(cell.get("receivedOn")), cell.get("language"),
        isoDate(cell.get("documentDueDate")), cell.get("recipients"), cell.get("notes"), null,
        null);
    Registration valid = null;
    try {
      valid = request.validate(today);
      if (valid.receivedOn().getYear() != year) {
        found.add(new FieldError("receivedOn", "ngày đến không thuộc năm " + year));
      }
    } catch (InvalidInputException invalid) {
      found.addAll(invalid.fieldErrors());
    }
    found.forEach(p -> problems.add(new FieldError(where + p.field(), prefix + p.message())));
    return found.isEmpty() ? valid : null;
  }

  private static Integer incomingNumber(String text, List<FieldError> found) {
    if (text == null || text.isBlank()) {
      found.add(new FieldError("incomingNumber", "chưa có số đến"));
      return null;
    }
    try {
      int number = Integer.parseInt(text.strip());
      if (number >= 1 && number <= 1_000_000) {
        return number;
      }
    } catch (NumberFormatException notANumber) {
      // reported below
    }
    found.add(new FieldError("incomingNumber", "số đến '" + text + "' phải là số nguyên từ 1"
        + " đến 1000000"));
    return null;
  }

  /** 15/3/2024 or 15/03/2024 as 2024-03-15; anything else as it is, for validation to report. */
  private static String isoDate(String text) {
    if (text == null || text.isBlank()) {
      return text;
    }
    try {
      return LocalDate.parse(text.strip(), VIETNAMESE_DATE).toString();
    } catch (DateTimeParseException notVietnamese) {
      return text;
    }
  }

  /** "Thượng khẩn" or VERY_URGENT; blank is an ordinary document. */
  private static String urgency(String text) {
    if (text == null || text.isBlank()) {
      return Urgency.NORMAL.name();
    }
    String folded = SearchText.fold(text);
    return Arrays.stream(Urgency.values())
        .filter(u -> SearchText.fold(u.label()).equals(folded)).map(Urgency::name).findFirst()
        .orElse(text);
  }

  /** A cell our own exports protected with a leading apostrophe ('=…) is read back as typed. */
  private static String unescape(String cell) {
    if (cell.length() > 1 && cell.charAt(0) == '\'' && "=+-@".indexOf(cell.charAt(1)) >= 0) {
      return cell.substring(1);
    }
    return cell;
  }

  private static InvalidInputException invalid(String field, String message) {
    return new InvalidInputException(List.of(new FieldError(field, message)));
  }
}
