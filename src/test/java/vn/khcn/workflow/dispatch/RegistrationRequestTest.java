package vn.khcn.workflow.dispatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import vn.khcn.workflow.shared.web.ApiError.FieldError;
import vn.khcn.workflow.shared.web.InvalidInputException;

class RegistrationRequestTest {

  static final LocalDate TODAY = LocalDate.of(2026, 11, 23);

  static RegistrationRequest valid() {
    return new RegistrationRequest("Thành ủy Cần Thơ", "1143-CV/TU", "2024-11-28", "Công văn",
        "Tăng cường sự lãnh đạo của Đảng đối với hoạt động của Liên hiệp các Hội KH&KT",
        "Phạm Văn Hiếu", "3", "URGENT", null, null, null, null, null);
  }

  @Test
  void validRequestDefaultsClassificationAndArrivalDate() {
    Registration r = valid().validate(TODAY);
    assertThat(r.classification()).isEqualTo(Classification.NONE);
    assertThat(r.receivedOn()).isEqualTo(TODAY);
    assertThat(r.urgency()).isEqualTo(Urgency.URGENT);
    assertThat(r.pageCount()).isEqualTo(3);
  }

  /** A form's emptied date field arrives as "": today, as when it is left out. */
  @Test
  void aBlankArrivalDateIsToday() {
    RegistrationRequest blank = new RegistrationRequest("Thành ủy Cần Thơ", "1143-CV/TU",
        "2024-11-28", "Công văn", "Tăng cường sự lãnh đạo", null, "", "NORMAL", "", " ", "", "",
        null);
    assertThat(blank.validate(TODAY).receivedOn()).isEqualTo(TODAY);
  }

  @Test
  void listsEveryBadField() {
    RegistrationRequest bad = new RegistrationRequest(" ", null, "2026-02-30", "Công văn",
        "x".repeat(501), null, "-2", "SOON", "PUBLIC", "2027-01-01", null, null, null);
    InvalidInputException e = catchThrowableOfType(() -> bad.validate(TODAY),
        InvalidInputException.class);
    assertThat(e.fieldErrors()).extracting(FieldError::field).containsExactlyInAnyOrder(
        "issuer", "documentNumber", "issuedOn", "summary", "pageCount", "urgency",
        "classification", "receivedOn");
    assertThat(e.fieldErrors()).filteredOn(f -> f.field().equals("summary"))
        .extracting(FieldError::message).first().asString().contains("500");
  }

  @Test
  void issueDateCannotFollowArrival() {
    RegistrationRequest r = new RegistrationRequest("UBND thành phố", "12/QĐ-UBND", "2026-11-20",
        "Quyết định", "Về việc ...", null, null, "NORMAL", "NONE", "2026-11-19", null, null, null);
    InvalidInputException e = catchThrowableOfType(() -> r.validate(TODAY),
        InvalidInputException.class);
    assertThat(e.fieldErrors()).extracting(FieldError::field).containsExactly("issuedOn");
  }

  @Test
  void typedTextIsComposedAndInvisibleTricksAreRefusedNamingTheField() {
    RegistrationRequest decomposed = new RegistrationRequest("U\u0309y ban nha\u0302n da\u0302n",
        "15/UBND", "2024-11-28", "Công văn", "Trích yếu", null, null, "NORMAL", null, null, null,
        null, null);
    assertThat(decomposed.validate(TODAY).issuer()).isEqualTo("Ủy ban nhân dân");

    RegistrationRequest tricky = new RegistrationRequest("Sở \u202Eabc", "\u200B\u200B",
        "2024-11-28", "Công văn", "Trích yếu \uD800", "Người\u0000ký", null, "NORMAL", null, null,
        "a\u2067b", null, null);
    InvalidInputException e = catchThrowableOfType(() -> tricky.validate(TODAY),
        InvalidInputException.class);
    assertThat(e.fieldErrors()).extracting(FieldError::field).containsExactlyInAnyOrder(
        "issuer", "documentNumber", "summary", "signer", "recipients");
    assertThat(e.fieldErrors()).filteredOn(f -> f.field().equals("issuer"))
        .extracting(FieldError::message).first().asString()
        .contains("cơ quan ban hành").contains("đảo chiều");
    assertThat(e.fieldErrors()).filteredOn(f -> f.field().equals("documentNumber"))
        .extracting(FieldError::message).first().asString().contains("vô hình");
  }

  @Test
  void theDuplicateKeyIgnoresTonePlacementAndSpacing() {
    assertThat(IncomingDocument.duplicateKey("UBND tỉnh Hoà Bình", "15/UBND-KT"))
        .isEqualTo(IncomingDocument.duplicateKey("UBND  tỉnh\u00A0Hòa Bình", "15/ubnd-kt\u200B"));
  }
}
