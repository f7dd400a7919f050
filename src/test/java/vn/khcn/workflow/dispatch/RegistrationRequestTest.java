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
        "Phó Bí thư Thường trực", "Phạm Văn Hiếu", "3", "URGENT", null, null, null, null, null,
        null, null, null);
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
        "2024-11-28", "Công văn", "Tăng cường sự lãnh đạo", null, null, "", "NORMAL", "", " ", "",
        "", "", "", null, null);
    assertThat(blank.validate(TODAY).receivedOn()).isEqualTo(TODAY);
  }

  @Test
  void listsEveryBadField() {
    RegistrationRequest bad = new RegistrationRequest(" ", null, "2026-02-30", "Công văn",
        "x".repeat(501), null, null, "-2", "SOON", "PUBLIC", "2027-01-01", null, null, null, null,
        null, null);
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
        "Quyết định", "Về việc ...", null, null, null, "NORMAL", "NONE", "2026-11-19", null, null,
        null, null, null, null);
    InvalidInputException e = catchThrowableOfType(() -> r.validate(TODAY),
        InvalidInputException.class);
    assertThat(e.fieldErrors()).extracting(FieldError::field).containsExactly("issuedOn");
  }

  @Test
  void typedTextIsComposedAndInvisibleTricksAreRefusedNamingTheField() {
    RegistrationRequest decomposed = new RegistrationRequest("U\u0309y ban nha\u0302n da\u0302n",
        "15/UBND", "2024-11-28", "Công văn", "Trích yếu", null, null, null, "NORMAL", null, null,
        null, null, null, null, null, null);
    assertThat(decomposed.validate(TODAY).issuer()).isEqualTo("Ủy ban nhân dân");

    RegistrationRequest tricky = new RegistrationRequest("Sở \u202Eabc", "\u200B\u200B",
        "2024-11-28", "Công văn", "Trích yếu \uD800", null, "Người\u0000ký", null, "NORMAL", null,
        null, null, null, "a\u2067b", null, null, null);
    InvalidInputException e = catchThrowableOfType(() -> tricky.validate(TODAY),
        InvalidInputException.class);
    assertThat(e.fieldErrors()).extracting(FieldError::field).containsExactlyInAnyOrder(
        "issuer", "documentNumber", "summary", "signerName", "recipients");
    assertThat(e.fieldErrors()).filteredOn(f -> f.field().equals("issuer"))
        .extracting(FieldError::message).first().asString()
        .contains("cơ quan ban hành").contains("đảo chiều");
    assertThat(e.fieldErrors()).filteredOn(f -> f.field().equals("documentNumber"))
        .extracting(FieldError::message).first().asString().contains("vô hình");
  }

  @Test
  void signerPositionAndNameLanguageAndDueDateAreSeparateFields() {
    Registration r = valid().validate(TODAY);
    assertThat(r.signerPosition()).isEqualTo("Phó Bí thư Thường trực");
    assertThat(r.signerName()).isEqualTo("Phạm Văn Hiếu");
    assertThat(r.language()).as("the default language").isEqualTo("Tiếng Việt");
    assertThat(r.documentDueDate()).isNull();

    RegistrationRequest english = new RegistrationRequest("Bộ Khoa học và Công nghệ", "12/BKHCN",
        "2024-11-28", "Công văn", "Hợp tác quốc tế", null, null, "2", "NORMAL", null, null,
        "Tiếng Anh", "2024-12-15", null, null, null, null);
    assertThat(english.validate(TODAY).language()).isEqualTo("Tiếng Anh");
    assertThat(english.validate(TODAY).documentDueDate()).isEqualTo(LocalDate.of(2024, 12, 15));
  }

  /** Earlier clients send one "signer": kept whole as the name, refused beside the new fields. */
  @Test
  void theOldSignerFieldIsTheNameAndNotBesideTheNewOnes() {
    RegistrationRequest old = new RegistrationRequest("Thành ủy Cần Thơ", "1143-CV/TU",
        "2024-11-28", "Công văn", "Trích yếu", null, null, null, "NORMAL", null, null, null, null,
        null, null, null, "Phạm Văn Hiếu, Phó Bí thư");
    assertThat(old.validate(TODAY).signerName()).isEqualTo("Phạm Văn Hiếu, Phó Bí thư");
    assertThat(old.validate(TODAY).signerPosition()).isNull();

    RegistrationRequest both = new RegistrationRequest("Thành ủy Cần Thơ", "1143-CV/TU",
        "2024-11-28", "Công văn", "Trích yếu", "Phó Bí thư", null, null, "NORMAL", null, null,
        null, null, null, null, null, "Phạm Văn Hiếu");
    InvalidInputException e = catchThrowableOfType(() -> both.validate(TODAY),
        InvalidInputException.class);
    assertThat(e.fieldErrors()).extracting(FieldError::field).containsExactly("signer");
  }

  @Test
  void theDueDateCannotPrecedeTheIssueDateAndTheArrivalNotFollowToday() {
    RegistrationRequest r = new RegistrationRequest("UBND thành phố", "12/QĐ-UBND", "2026-11-20",
        "Quyết định", "Về việc ...", null, null, null, "NORMAL", "NONE", "2026-11-24", null,
        "2026-11-01", null, null, null, null);
    InvalidInputException e = catchThrowableOfType(() -> r.validate(TODAY),
        InvalidInputException.class);
    assertThat(e.fieldErrors()).extracting(FieldError::field)
        .containsExactlyInAnyOrder("documentDueDate", "receivedOn");
    assertThat(e.fieldErrors()).filteredOn(f -> f.field().equals("receivedOn"))
        .extracting(FieldError::message).first().asString().contains("sau hôm nay");
  }

  @Test
  void theDuplicateKeyIgnoresTonePlacementAndSpacing() {
    assertThat(IncomingDocument.duplicateKey("UBND tỉnh Hoà Bình", "15/UBND-KT"))
        .isEqualTo(IncomingDocument.duplicateKey("UBND  tỉnh\u00A0Hòa Bình", "15/ubnd-kt\u200B"));
  }
}
