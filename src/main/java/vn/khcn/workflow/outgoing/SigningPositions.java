package vn.khcn.workflow.outgoing;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.khcn.workflow.identity.Groups;
import vn.khcn.workflow.shared.web.ApiError.FieldError;
import vn.khcn.workflow.shared.web.InvalidInputException;

/**
 * Who signs for the Department (Decree 30/2020 Art. 13, ADR 0032): the Director, the Deputy
 * Directors with their fields (the drafting units and document types each is in charge of), and
 * the working rules' "TL." list (document types the head of a unit signs "TL. GIÁM ĐỐC").
 * Administrators keep them; the signing check reads them.
 */
@Service
@Transactional(readOnly = true)
class SigningPositions {

  /** The Director or a Deputy Director. */
  enum Position {
    DIRECTOR, DEPUTY
  }

  /** A leader's position and, for a deputy, his field. */
  record Leader(String userId, Position position, List<String> units, List<String> documentTypes) {

    /** A document is within the deputy's field when its drafting unit or its type is. */
    boolean inField(String unit, String documentType) {
      return units.contains(unit) || documentTypes.contains(documentType);
    }
  }

  /** One line of the "TL." list: the head of {@code unit} signs TL. documents of the type. */
  record TlRule(String documentType, String unit) {}

  private final JdbcTemplate jdbc;
  private final IdentityService identity;
  private final OutgoingProperties properties;
  private final Clock clock;

  SigningPositions(JdbcTemplate jdbc, IdentityService identity, OutgoingProperties properties,
      Clock clock) {
    this.jdbc = jdbc;
    this.identity = identity;
    this.properties = properties;
    this.clock = clock;
  }

  Optional<Leader> leader(String userId) {
    List<Position> found = jdbc.queryForList("select position from signing_position where"
        + " user_id = ?", String.class, userId).stream().map(Position::valueOf).toList();
    if (found.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new Leader(userId, found.get(0), field(userId, "UNIT"),
        field(userId, "TYPE")));
  }

  Optional<String> director() {
    return jdbc.queryForList("select user_id from signing_position where position = 'DIRECTOR'",
        String.class).stream().findFirst();
  }

  List<Leader> all() {
    return jdbc.queryForList("select user_id from signing_position order by position desc,"
        + " user_id", String.class).stream().map(id -> leader(id).orElseThrow()).toList();
  }

  List<TlRule> tlRules() {
    return jdbc.query("select document_type, unit from signing_tl_rule order by document_type,"
        + " unit", (rs, i) -> new TlRule(rs.getString(1), rs.getString(2)));
  }

  /** The units whose head may sign "TL." a document of the type. */
  List<String> tlUnits(String documentType) {
    return jdbc.queryForList("select unit from signing_tl_rule where document_type = ? order by"
        + " unit", String.class, documentType);
  }

  /**
   * Records a leader's position and field, all or nothing: the user must be a member of the
   * directors' group, there is one Director, a Director has no field and a deputy's field names
   * Department units and known document types.
   */
  @Transactional
  Leader put(String userId, String position, List<String> units, List<String> documentTypes,
      String changedBy) {
    List<FieldError> errors = new ArrayList<>();
    if (identity.createUserQuery().userId(userId).memberOfGroup(Groups.LANH_DAO).count() == 0) {
      errors.add(new FieldError("userId", "'" + userId + "' không thuộc Lãnh đạo Sở"));
    }
    Position chosen = null;
    try {
      chosen = position == null ? null : Position.valueOf(position.strip()
          .toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException unknown) {
      // reported below
    }
    if (chosen == null) {
      errors.add(new FieldError("position", "chức vụ phải là DIRECTOR (Giám đốc) hoặc DEPUTY"
          + " (Phó Giám đốc)"));
    }
    List<String> unitList = distinct(units);
    List<String> typeList = distinct(documentTypes);
    if (chosen == Position.DIRECTOR && (!unitList.isEmpty() || !typeList.isEmpty())) {
      errors.add(new FieldError("units", "Giám đốc ký mọi văn bản với tư cách thủ trưởng,"
          + " không khai báo lĩnh vực phụ trách"));
    }
    if (chosen == Position.DIRECTOR) {
      jdbc.queryForList("select user_id from signing_position for update", String.class);
      director().filter(d -> !d.equals(userId)).ifPresent(d -> errors.add(new FieldError(
          "position", "Sở đã có Giám đốc '" + d + "'; chuyển người đó sang chức vụ khác trước")));
    }
    for (int i = 0; i < unitList.size(); i++) {
      if (!Groups.isUnit(unitList.get(i))) {
        errors.add(new FieldError("units[" + i + "]", "'" + unitList.get(i)
            + "' không phải là một phòng, đơn vị của Sở"));
      }
    }
    checkTypes("documentTypes", typeList, errors);
    if (!errors.isEmpty()) {
      throw new InvalidInputException(errors);
    }
    jdbc.update("delete from signing_position where user_id = ?", userId);
    jdbc.update("insert into signing_position (user_id, position, updated_by, updated_at)"
        + " values (?, ?, ?, ?)", userId, chosen.name(), changedBy,
        Timestamp.from(clock.instant()));
    unitList.forEach(u -> jdbc.update("insert into deputy_field (user_id, kind, item) values"
        + " (?, 'UNIT', ?)", userId, u));
    typeList.forEach(t -> jdbc.update("insert into deputy_field (user_id, kind, item) values"
        + " (?, 'TYPE', ?)", userId, t));
    return leader(userId).orElseThrow();
  }

  /** Removes a leader's position (he no longer signs as Director or Deputy Director). */
  @Transactional
  boolean remove(String userId) {
    return jdbc.update("delete from signing_position where user_id = ?", userId) > 0;
  }

  /** Replaces the "TL." list, all or nothing: known types, Department units. */
  @Transactional
  List<TlRule> replaceTlRules(List<TlRule> rules) {
    List<FieldError> errors = new ArrayList<>();
    List<TlRule> list = rules == null ? List.of() : new ArrayList<>(new LinkedHashSet<>(rules));
    for (int i = 0; i < list.size(); i++) {
      TlRule rule = list.get(i);
      if (rule == null) {
        errors.add(new FieldError("rules[" + i + "]", "dòng trống"));
        continue;
      }
      if (rule.unit() == null || !Groups.isUnit(rule.unit())) {
        errors.add(new FieldError("rules[" + i + "].unit", "'" + rule.unit()
            + "' không phải là một phòng, đơn vị của Sở"));
      }
      if (rule.documentType() == null || !properties.typeNames().contains(rule.documentType())) {
        errors.add(new FieldError("rules[" + i + "].documentType", "'" + rule.documentType()
            + "' không phải là loại văn bản đi đã khai báo"));
      }
    }
    if (!errors.isEmpty()) {
      throw new InvalidInputException(errors);
    }
    jdbc.update("delete from signing_tl_rule");
    list.forEach(r -> jdbc.update("insert into signing_tl_rule (document_type, unit) values"
        + " (?, ?)", r.documentType(), r.unit()));
    return tlRules();
  }

  void checkTypes(String field, List<String> types, List<FieldError> errors) {
    for (int i = 0; i < types.size(); i++) {
      if (!properties.typeNames().contains(types.get(i))) {
        errors.add(new FieldError(field + "[" + i + "]", "'" + types.get(i)
            + "' không phải là loại văn bản đi đã khai báo (" + String.join(", ",
            properties.typeNames()) + ")"));
      }
    }
  }

  static List<String> distinct(List<String> values) {
    if (values == null) {
      return List.of();
    }
    LinkedHashSet<String> set = new LinkedHashSet<>();
    for (String value : values) {
      set.add(value == null ? "" : value.strip());
    }
    return List.copyOf(set);
  }

  private List<String> field(String userId, String kind) {
    return jdbc.queryForList("select item from deputy_field where user_id = ? and kind = ?"
        + " order by item", String.class, userId, kind);
  }
}
