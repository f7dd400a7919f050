package vn.khcn.workflow.outgoing;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.khcn.workflow.identity.UnitLeaders;
import vn.khcn.workflow.shared.web.ApiError.FieldError;
import vn.khcn.workflow.shared.web.ConflictException;
import vn.khcn.workflow.shared.web.InvalidInputException;

/**
 * Written authorisations to sign "TUQ. GIÁM ĐỐC" (giấy ủy quyền, Decree 30/2020 Art. 13.1.d, ADR
 * 0032): given in writing by the Director to the head of a unit, for a period and for document
 * types; the authorised person cannot authorise anyone in turn.
 */
@Service
@Transactional(readOnly = true)
class SigningAuthorisations {

  /** The body of a new authorisation, as the Director fills it in. */
  record Request(String grantee, String validFrom, String validTo, List<String> documentTypes,
      String reference) {}

  /** One authorisation, as the API and the page show it. */
  record Authorisation(long id, String grantor, String grantee, LocalDate validFrom,
      LocalDate validTo, List<String> documentTypes, String reference, boolean revoked) {

    boolean covers(String documentType, LocalDate day) {
      return !revoked && !day.isBefore(validFrom) && !day.isAfter(validTo)
          && documentTypes.contains(documentType);
    }
  }

  private final JdbcTemplate jdbc;
  private final SigningPositions positions;
  private final UnitLeaders leaders;
  private final Clock clock;

  SigningAuthorisations(JdbcTemplate jdbc, SigningPositions positions, UnitLeaders leaders,
      Clock clock) {
    this.jdbc = jdbc;
    this.positions = positions;
    this.leaders = leaders;
    this.clock = clock;
  }

  /** The grantee's authorisations, newest first (revoked ones too). */
  List<Authorisation> of(String grantee) {
    return query(" where grantee = ? order by id desc", grantee);
  }

  List<Authorisation> all() {
    return query(" order by id desc");
  }

  /**
   * The Director authorises the head of a unit in writing. Refused (403) to anyone but the
   * Director, first of all to an authorised person (no re-delegation); 400 names each field.
   */
  @Transactional
  Authorisation create(Request request, String grantor) {
    if (!isDirector(grantor)) {
      throw new SigningRefusedException(of(grantor).isEmpty()
          ? "Chỉ Giám đốc Sở ủy quyền ký thừa ủy quyền (TUQ.)"
          : "Người được ủy quyền không được ủy quyền lại cho người khác (Điều 13 Nghị định"
              + " 30/2020)");
    }
    List<FieldError> errors = new ArrayList<>();
    String grantee = request.grantee() == null ? "" : request.grantee().strip();
    if (grantee.isEmpty()) {
      errors.add(new FieldError("grantee", "chưa chọn người được ủy quyền"));
    } else if (grantee.equals(grantor)) {
      errors.add(new FieldError("grantee", "không tự ủy quyền cho mình"));
    } else if (leaders.all().stream().noneMatch(l -> grantee.equals(l.head()))) {
      errors.add(new FieldError("grantee", "'" + grantee + "' không phải là người đứng đầu"
          + " một đơn vị của Sở (chỉ ủy quyền cho Trưởng phòng, Chánh Văn phòng)"));
    }
    LocalDate from = date("validFrom", request.validFrom(), errors);
    LocalDate to = date("validTo", request.validTo(), errors);
    if (from != null && to != null && to.isBefore(from)) {
      errors.add(new FieldError("validTo", "ngày hết hạn trước ngày bắt đầu"));
    } else if (to != null && to.isBefore(LocalDate.now(clock))) {
      errors.add(new FieldError("validTo", "ngày hết hạn đã qua"));
    }
    List<String> types = SigningPositions.distinct(request.documentTypes());
    if (types.isEmpty()) {
      errors.add(new FieldError("documentTypes", "chưa chọn loại văn bản được ủy quyền ký"));
    }
    positions.checkTypes("documentTypes", types, errors);
    String reference = request.reference() == null ? "" : request.reference().strip();
    if (reference.isEmpty()) {
      errors.add(new FieldError("reference", "thiếu số, ngày của giấy ủy quyền"));
    } else if (reference.length() > 200) {
      errors.add(new FieldError("reference", "tối đa 200 ký tự"));
    }
    if (!errors.isEmpty()) {
      throw new InvalidInputException(errors);
    }
    GeneratedKeyHolder key = new GeneratedKeyHolder();
    jdbc.update(c -> {
      var s = c.prepareStatement("insert into signing_authorisation (grantor, grantee, valid_from,"
          + " valid_to, reference, created_at) values (?, ?, ?, ?, ?, ?)", new String[] {"id"});
      s.setString(1, grantor);
      s.setString(2, grantee);
      s.setDate(3, Date.valueOf(from));
      s.setDate(4, Date.valueOf(to));
      s.setString(5, reference);
      s.setTimestamp(6, Timestamp.from(clock.instant()));
      return s;
    }, key);
    long id = key.getKey().longValue();
    types.forEach(t -> jdbc.update("insert into signing_authorisation_type (authorisation_id,"
        + " document_type) values (?, ?)", id, t));
    return find(id).orElseThrow();
  }

  /** The Director revokes an authorisation (kept, marked revoked). */
  @Transactional
  Authorisation revoke(long id, String by) {
    if (!isDirector(by)) {
      throw new SigningRefusedException("Chỉ Giám đốc Sở thu hồi ủy quyền");
    }
    Authorisation found = find(id).orElseThrow(() -> new vn.khcn.workflow.shared.web
        .NotFoundException("Không có giấy ủy quyền " + id));
    if (found.revoked()) {
      throw new ConflictException("Giấy ủy quyền đã được thu hồi", Map.of("revoked", "true"));
    }
    jdbc.update("update signing_authorisation set revoked_by = ?, revoked_at = ? where id = ?",
        by, Timestamp.from(clock.instant()), id);
    return find(id).orElseThrow();
  }

  Optional<Authorisation> find(long id) {
    return query(" where id = ?", id).stream().findFirst();
  }

  private boolean isDirector(String userId) {
    return positions.director().filter(userId::equals).isPresent();
  }

  private List<Authorisation> query(String where, Object... args) {
    return jdbc.query("select id, grantor, grantee, valid_from, valid_to, reference, revoked_at"
        + " from signing_authorisation" + where, (rs, i) -> new Authorisation(rs.getLong(1),
            rs.getString(2), rs.getString(3), rs.getDate(4).toLocalDate(),
            rs.getDate(5).toLocalDate(), types(rs.getLong(1)), rs.getString(6),
            rs.getTimestamp(7) != null), args);
  }

  private List<String> types(long id) {
    return jdbc.queryForList("select document_type from signing_authorisation_type where"
        + " authorisation_id = ? order by document_type", String.class, id);
  }

  private static LocalDate date(String field, String text, List<FieldError> errors) {
    if (text == null || text.isBlank()) {
      errors.add(new FieldError(field, "thiếu ngày (yyyy-MM-dd)"));
      return null;
    }
    try {
      return LocalDate.parse(text.strip());
    } catch (DateTimeParseException bad) {
      errors.add(new FieldError(field, "ngày không hợp lệ, cần dạng yyyy-MM-dd"));
      return null;
    }
  }
}
