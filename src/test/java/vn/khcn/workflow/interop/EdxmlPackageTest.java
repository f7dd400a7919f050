package vn.khcn.workflow.interop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import vn.khcn.workflow.interop.EdxmlPackage.Organ;
import vn.khcn.workflow.shared.web.InvalidInputException;

/** Reading and writing edXML: fields, attachments, status messages, signatures, bad input. */
class EdxmlPackageTest {

  static final Instant NOW = Instant.parse("2026-06-20T02:00:00Z");

  @Test
  void aDocumentPackageIsReadWithItsFieldsAttachmentsAndSender() {
    byte[] pdf = EdxmlSamples.pdf();
    EdxmlPackage parsed = parse(EdxmlSamples.document("000.00.00.H13,2026/06/19,12/UBND-KGVX",
        "12", pdf));

    assertThat(parsed.kind()).isEqualTo(EdxmlPackage.Kind.DOCUMENT);
    assertThat(parsed.documentId()).isEqualTo("000.00.00.H13,2026/06/19,12/UBND-KGVX");
    assertThat(parsed.from()).isEqualTo(new Organ("000.00.00.H13", EdxmlSamples.SENDER));
    assertThat(parsed.to().id()).isEqualTo("000.30.31.H13");
    assertThat(parsed.header().fields().get("documentNumber").value()).isEqualTo("12/UBND-KGVX");
    assertThat(parsed.header().fields().get("issuedOn").value()).isEqualTo("2026-06-19");
    assertThat(parsed.header().fields().get("urgency").value()).isEqualTo("URGENT");
    assertThat(parsed.attachments()).singleElement().satisfies(a -> {
      assertThat(a.name()).isEqualTo("cong-van.pdf");
      assertThat(a.content()).isEqualTo(pdf);
    });
    assertThat(parsed.signature().result()).isEqualTo(SignatureResult.NOT_SIGNED);
  }

  @Test
  void theCommonLayoutWithAttachmentsBesideTheEnvelopeIsReadLikeOurEarlierOne() throws Exception {
    byte[] pdf = EdxmlSamples.pdf();
    String id = "000.00.00.H13,2026/06/19,12/UBND-KGVX";
    EdxmlPackage earlier = parse(EdxmlSamples.document(id, "12", pdf));
    String xml = EdxmlSamples.standardDocument(id, "12", pdf);

    EdxmlPackage common = parse(xml);

    assertThat(common.kind()).isEqualTo(EdxmlPackage.Kind.DOCUMENT);
    assertThat(common.documentId()).isEqualTo(id);
    assertThat(common.from()).isEqualTo(earlier.from());
    assertThat(common.to()).isEqualTo(earlier.to());
    assertThat(common.businessDocType()).isEqualTo("0");
    assertThat(common.header().fields()).isEqualTo(earlier.header().fields());
    assertThat(common.header().fields().get("documentNumber").value()).isEqualTo("12/UBND-KGVX");
    assertThat(common.attachments()).singleElement().satisfies(a -> {
      assertThat(a.name()).isEqualTo("cong-van.pdf");
      assertThat(a.contentType()).isEqualTo("application/pdf");
      assertThat(a.content()).isEqualTo(pdf);
    });
    byte[] signed = EdxmlSamples.signedInHeader(xml, EdxmlSamples.keys());
    assertThat(new String(signed, StandardCharsets.UTF_8))
        .contains("</Signature></edXML:edXMLHeader>");
    assertThat(EdxmlParser.parse(signed, NOW).signature().result())
        .isEqualTo(SignatureResult.VALID);
    String missing = xml.replace("<ContentId>1</ContentId>", "<ContentId>2</ContentId>");
    assertThatThrownBy(() -> parse(missing)).isInstanceOf(InvalidInputException.class)
        .satisfies(e -> assertThat(message(e)).contains("cong-van.pdf")
            .contains("không có trong gói"));
  }

  @Test
  void aStatusMessageWrittenHereIsReadBackWithItsCodeAndTheDocumentItAnswers() {
    byte[] xml = StatusFiles.write("000.00.00.H13,2026/06/19,12/UBND-KGVX",
        new Organ("000.00.00.H13", EdxmlSamples.SENDER),
        new Organ("000.30.31.H13", "Sở Khoa học và Công nghệ"), StatusCode.REFUSED,
        "Gửi nhầm cơ quan", "Nguyễn Thị Thu Hà", NOW, ZoneId.of("Asia/Ho_Chi_Minh"));

    EdxmlPackage read = EdxmlParser.parse(xml, NOW);

    assertThat(read.kind()).isEqualTo(EdxmlPackage.Kind.STATUS);
    assertThat(read.status().code()).isEqualTo("02");
    assertThat(read.status().description()).isEqualTo("Gửi nhầm cơ quan");
    assertThat(read.status().responseFor()).isEqualTo("000.00.00.H13,2026/06/19,12/UBND-KGVX");
    assertThat(read.status().staff()).isEqualTo("Nguyễn Thị Thu Hà");
    assertThat(read.from().id()).isEqualTo("000.30.31.H13");
    assertThat(new String(xml, StandardCharsets.UTF_8)).contains("2026/06/20 09:00:00");
  }

  @Test
  void theXmlSignatureIsCheckedValidTamperedOrUncheckable() throws Exception {
    String xml = EdxmlSamples.document("id-signed", "13", EdxmlSamples.pdf());
    KeyPair keys = EdxmlSamples.keys();

    byte[] signed = EdxmlSamples.signed(xml, keys, true);
    assertThat(EdxmlParser.parse(signed, NOW).signature().result())
        .isEqualTo(SignatureResult.VALID);

    byte[] tampered = new String(signed, StandardCharsets.UTF_8)
        .replace("Nguyễn Văn Hòa", "Nguyễn Văn Hoà").getBytes(StandardCharsets.UTF_8);
    SignatureCheck.Checked checked = EdxmlParser.parse(tampered, NOW).signature();
    assertThat(checked.result()).isEqualTo(SignatureResult.INVALID);
    assertThat(checked.detail()).contains("bị thay đổi");

    byte[] keyless = EdxmlSamples.signed(xml, keys, false);
    assertThat(EdxmlParser.parse(keyless, NOW).signature().result())
        .isEqualTo(SignatureResult.UNCHECKABLE);
  }

  @Test
  void brokenXmlIsRefusedWithItsLineInVietnamese() {
    String broken = "<?xml version=\"1.0\"?>\n<edXML:edXMLEnvelope xmlns:edXML=\"x\">\n"
        + "<edXML:edXMLHeader>\n</edXML:edXMLEnvelope>";
    assertThatThrownBy(() -> parse(broken)).isInstanceOf(InvalidInputException.class)
        .satisfies(e -> assertThat(message(e)).contains("dòng 4").contains("XML sai cú pháp"));
    assertThatThrownBy(() -> EdxmlParser.parse(new byte[0], NOW))
        .satisfies(e -> assertThat(message(e)).contains("Tệp rỗng"));
    assertThatThrownBy(() -> parse("<a/>"))
        .satisfies(e -> assertThat(message(e)).contains("edXMLEnvelope"));
  }

  @Test
  void aDoctypeIsRefusedSoNoExternalEntityIsEverRead() {
    String xxe = "<?xml version=\"1.0\"?>\n<!DOCTYPE e [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>\n"
        + "<edXML:edXMLEnvelope xmlns:edXML=\"x\">&x;</edXML:edXMLEnvelope>";
    assertThatThrownBy(() -> parse(xxe)).isInstanceOf(InvalidInputException.class)
        .satisfies(e -> assertThat(message(e)).contains("DOCTYPE").contains("dòng 2")
            .doesNotContain("root:"));
  }

  static String message(Throwable e) {
    return ((InvalidInputException) e).fieldErrors().get(0).message();
  }

  private static EdxmlPackage parse(String xml) {
    return EdxmlParser.parse(xml.getBytes(StandardCharsets.UTF_8), NOW);
  }
}
