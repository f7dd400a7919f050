package vn.khcn.workflow.outgoing;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Function;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.khcn.workflow.identity.Groups;
import vn.khcn.workflow.identity.UnitLeaders;

/**
 * Who may sign a document with which authority (Decree 30/2020 Art. 13, ADR 0032), checked on
 * the server whenever a signature is recorded (the API, the inbox and Tasklist alike): the
 * Director in his own name; a Deputy Director "KT. GIÁM ĐỐC" within his field; the head of a unit
 * "TL. GIÁM ĐỐC" for the types the working rules list; the head of a unit "TUQ. GIÁM ĐỐC" under a
 * written authorisation valid that day for the type. The result is the signer's position as the
 * paper prints it under the mark.
 */
@Service
@Transactional(readOnly = true)
class SigningRules {

  static final String DIRECTOR = "GIÁM ĐỐC";
  static final String DEPUTY = "PHÓ GIÁM ĐỐC";
  private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");
  private static final Locale VI = Locale.forLanguageTag("vi");

  private final SigningPositions positions;
  private final SigningAuthorisations authorisations;
  private final UnitLeaders leaders;

  SigningRules(SigningPositions positions, SigningAuthorisations authorisations,
      UnitLeaders leaders) {
    this.positions = positions;
    this.authorisations = authorisations;
    this.leaders = leaders;
  }

  /**
   * The signing title ("KT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC") when the signer may sign the document with
   * the authority on the day; otherwise the refusal, built by {@code refusal} from a Vietnamese
   * message naming why.
   */
  String titleOrRefuse(String signer, SignAuthority authority, String unit, String documentType,
      LocalDate day, Function<String, ? extends RuntimeException> refusal) {
    Optional<SigningPositions.Leader> leader = positions.leader(signer);
    boolean director = leader.filter(l -> l.position() == SigningPositions.Position.DIRECTOR)
        .isPresent();
    boolean deputy = leader.filter(l -> l.position() == SigningPositions.Position.DEPUTY)
        .isPresent();
    switch (authority) {
      case NONE -> {
        if (director) {
          return DIRECTOR;
        }
        throw refusal.apply(deputy
            ? "Phó Giám đốc không ký với tư cách thủ trưởng: chọn thẩm quyền KT. (ký thay Giám"
                + " đốc) cho văn bản thuộc lĩnh vực được phân công"
            : "Chỉ Giám đốc Sở ký với tư cách thủ trưởng (không ghi thẩm quyền)"
                + (positions.director().isEmpty() ? "; chưa khai báo Giám đốc Sở" : ""));
      }
      case KT -> {
        if (director) {
          throw refusal.apply("Giám đốc ký với tư cách thủ trưởng, không ký thay (KT.): để trống"
              + " thẩm quyền");
        }
        if (!deputy) {
          throw refusal.apply("Chỉ Phó Giám đốc Sở ký thay (KT.) Giám đốc");
        }
        SigningPositions.Leader field = leader.get();
        if (!field.inField(unit, documentType)) {
          throw refusal.apply("Văn bản " + documentType + " của " + Groups.nameOf(unit)
              + " không thuộc lĩnh vực Phó Giám đốc phụ trách (" + describe(field)
              + "): không ký thay (KT.) được");
        }
        return "KT. " + DIRECTOR + "\n" + DEPUTY;
      }
      case TL -> {
        List<String> units = positions.tlUnits(documentType);
        if (units.isEmpty()) {
          throw refusal.apply("Quy chế làm việc không giao ký thừa lệnh (TL.) loại văn bản "
              + documentType);
        }
        Optional<String> headed = units.stream()
            .filter(u -> leaders.headOf(u).filter(signer::equals).isPresent()).findFirst();
        if (headed.isEmpty()) {
          throw refusal.apply("Chỉ người đứng đầu " + String.join(", ", units.stream()
              .map(Groups::nameOf).toList()) + " ký thừa lệnh (TL.) " + documentType);
        }
        return "TL. " + DIRECTOR + "\n" + headTitle(headed.get());
      }
      default -> {
        return "TUQ. " + DIRECTOR + "\n" + authorised(signer, documentType, day, refusal);
      }
    }
  }

  /**
   * Besides the directors' group, who may be offered the signature of a document of the type on
   * the day: the heads of the units the "TL." list names for the type, and the unit heads holding
   * a written authorisation valid that day for the type ("TUQ."). Sorted, no one else; the check
   * at signing stays the guard (an authorisation may end before the signature).
   */
  List<String> delegatedSigners(String documentType, LocalDate day) {
    TreeSet<String> signers = new TreeSet<>();
    positions.tlUnits(documentType).forEach(u -> leaders.headOf(u).ifPresent(signers::add));
    authorisations.all().stream().filter(a -> a.covers(documentType, day))
        .map(SigningAuthorisations.Authorisation::grantee)
        .filter(g -> leaders.unitsLedBy(g).stream()
            .anyMatch(u -> leaders.headOf(u).filter(g::equals).isPresent()))
        .forEach(signers::add);
    return List.copyOf(signers);
  }

  private String authorised(String signer, String documentType, LocalDate day,
      Function<String, ? extends RuntimeException> refusal) {
    List<SigningAuthorisations.Authorisation> held = authorisations.of(signer);
    if (held.stream().anyMatch(a -> a.covers(documentType, day))) {
      Optional<String> unit = leaders.unitsLedBy(signer).stream()
          .filter(u -> leaders.headOf(u).filter(signer::equals).isPresent()).findFirst();
      if (unit.isEmpty()) {
        throw refusal.apply("Người được ủy quyền không còn là người đứng đầu đơn vị: không ký"
            + " thừa ủy quyền (TUQ.) được");
      }
      return headTitle(unit.get());
    }
    if (held.isEmpty()) {
      throw refusal.apply("Không có giấy ủy quyền bằng văn bản của Giám đốc: không ký thừa ủy"
          + " quyền (TUQ.) được");
    }
    List<String> why = new ArrayList<>();
    for (SigningAuthorisations.Authorisation a : held) {
      String name = "giấy ủy quyền " + a.reference();
      if (a.revoked()) {
        why.add(name + " đã bị thu hồi");
      } else if (day.isBefore(a.validFrom())) {
        why.add(name + " có hiệu lực từ " + DATE.format(a.validFrom()));
      } else if (day.isAfter(a.validTo())) {
        why.add(name + " đã hết hạn ngày " + DATE.format(a.validTo()));
      } else {
        why.add(name + " không gồm loại văn bản " + documentType + " (chỉ "
            + String.join(", ", a.documentTypes()) + ")");
      }
    }
    throw refusal.apply("Không ký thừa ủy quyền (TUQ.) được: " + String.join("; ", why));
  }

  /** "CHÁNH VĂN PHÒNG", "TRƯỞNG PHÒNG QUẢN LÝ KHOA HỌC". */
  static String headTitle(String unit) {
    if (Groups.VAN_PHONG.equals(unit)) {
      return "CHÁNH VĂN PHÒNG";
    }
    return ("Trưởng " + Groups.nameOf(unit)).toUpperCase(VI);
  }

  private static String describe(SigningPositions.Leader field) {
    List<String> parts = new ArrayList<>();
    field.units().forEach(u -> parts.add(Groups.nameOf(u)));
    field.documentTypes().forEach(t -> parts.add("loại " + t));
    return parts.isEmpty() ? "chưa được phân công lĩnh vực nào" : String.join(", ", parts);
  }
}
