package vn.khcn.workflow.interop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.khcn.workflow.interop.OutgoingPackages.Business;
import vn.khcn.workflow.interop.OutgoingPackages.DocumentPackage;
import vn.khcn.workflow.shared.xml.SafeXml;

/** Outgoing edXML packages: written to the outbox, read back by the interop parser. */
class OutgoingPackagesTest {

  static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");
  static final String US = "000.30.31.H13";
  static final byte[] PDF = EdxmlSamples.pdf();

  @TempDir Path folder;

  OutgoingPackages packages(String organId) {
    InteropProperties properties = new InteropProperties(folder.resolve("in"),
        folder.resolve("out"), false, null, null, organId, "Sở Khoa học và Công nghệ");
    return new OutgoingPackages(properties, Clock.fixed(EdxmlPackageTest.NOW, ZONE), ZONE,
        "Cần Thơ");
  }

  static DocumentPackage document(Business business, String replaces) {
    return new DocumentPackage("skhcn-out-7-000.00.12.H13", "000.00.12.H13", "Sở Tài chính",
        "07", "SKHCN-QLKH", LocalDate.of(2026, 6, 19), "Công văn",
        "Về việc báo cáo kinh phí nhiệm vụ khoa học năm 2026", "KT. Giám đốc",
        "Phạm Thị Lan", 1, List.of("Sở Tài chính", "Ủy ban nhân dân thành phố Cần Thơ"),
        business, replaces, "cong-van-07.pdf", "application/pdf", PDF);
  }

  @Test
  void aDocumentPackageIsWrittenToTheOutboxAndReadBackWithItsHeaderAndFile() throws Exception {
    OutgoingPackages packages = packages(US);
    assertThat(packages.canBuild("000.00.12.H13")).isTrue();

    String file = packages.write(document(Business.NEW, null));

    byte[] xml = Files.readAllBytes(folder.resolve("out").resolve(file));
    EdxmlPackage read = EdxmlParser.parse(xml, EdxmlPackageTest.NOW);
    assertThat(read.kind()).isEqualTo(EdxmlPackage.Kind.DOCUMENT);
    assertThat(read.documentId()).isEqualTo("skhcn-out-7-000.00.12.H13");
    assertThat(read.from()).isEqualTo(new EdxmlPackage.Organ(US, "Sở Khoa học và Công nghệ"));
    assertThat(read.to()).isEqualTo(new EdxmlPackage.Organ("000.00.12.H13", "Sở Tài chính"));
    assertThat(read.businessDocType()).isEqualTo("0");
    var fields = read.header().fields();
    assertThat(fields.get("documentNumber").value()).isEqualTo("07/SKHCN-QLKH");
    assertThat(fields.get("issuedOn").value()).isEqualTo("2026-06-19");
    assertThat(fields.get("documentType").value()).isEqualTo("Công văn");
    assertThat(fields.get("summary").value())
        .isEqualTo("Về việc báo cáo kinh phí nhiệm vụ khoa học năm 2026");
    assertThat(fields.get("signerName").value()).isEqualTo("Phạm Thị Lan");
    assertThat(fields.get("urgency").value()).isEqualTo("URGENT");
    assertThat(fields.get("issuer").value()).isEqualTo("Sở Khoa học và Công nghệ");
    assertThat(fields.get("recipients").value())
        .isEqualTo(List.of("Sở Tài chính", "Ủy ban nhân dân thành phố Cần Thơ"));
    assertThat(read.attachments()).singleElement().satisfies(a -> {
      assertThat(a.name()).isEqualTo("cong-van-07.pdf");
      assertThat(a.content()).isEqualTo(PDF);
    });
    var root = SafeXml.parse(xml, "test").getDocumentElement();
    assertThat(root.getLocalName()).as("the common layout: root edXML").isEqualTo("edXML");
    assertThat(root.getElementsByTagNameNS("*", "AttachmentEncoded").item(0).getParentNode())
        .as("AttachmentEncoded beside the envelope").isSameAs(root);
    assertThat(new String(xml, java.nio.charset.StandardCharsets.UTF_8))
        .contains("ContentTransferEncoded").doesNotContain("edXML:Value");
    assertThat(Files.list(folder.resolve("out")).map(p -> p.getFileName().toString()))
        .as("written atomically: no .part left").containsExactly(file);
  }

  @Test
  void aReplacementNamesThePackageItReplacesAndARecallIsAStatusThirteen() throws Exception {
    OutgoingPackages packages = packages(US);
    String replacement = packages.write(document(Business.REPLACEMENT, "skhcn-out-5-x"));
    String text = Files.readString(folder.resolve("out").resolve(replacement));
    assertThat(text).contains("<edXML:BussinessDocType>3</edXML:BussinessDocType>",
        "<edXML:DocumentId>skhcn-out-5-x</edXML:DocumentId>");

    String recall = packages.writeRecall("skhcn-out-7-000.00.12.H13", "Sai số liệu kinh phí",
        "Nguyễn Thị Thu Hà");
    EdxmlPackage read = EdxmlParser.parse(
        Files.readAllBytes(folder.resolve("out").resolve(recall)), EdxmlPackageTest.NOW);
    assertThat(read.kind()).isEqualTo(EdxmlPackage.Kind.STATUS);
    assertThat(read.status().code()).isEqualTo(StatusCode.RECALL_REQUESTED.code());
    assertThat(read.status().responseFor()).isEqualTo("skhcn-out-7-000.00.12.H13");
    assertThat(read.status().description()).isEqualTo("Sai số liệu kinh phí");
    assertThat(read.from().id()).isEqualTo(US);
    assertThat(SafeXml.parse(Files.readAllBytes(folder.resolve("out").resolve(recall)), "test")
        .getDocumentElement().getLocalName()).isEqualTo("edXML");
  }

  @Test
  void withoutTheDepartmentsIdOnTheAxisNoPackageIsBuilt() {
    OutgoingPackages packages = packages(null);
    assertThat(packages.canBuild("000.00.12.H13")).isFalse();
    assertThat(packages.whyNot("000.00.12.H13")).contains("INTEROP_ORGAN_ID");
    assertThat(packages(US).whyNot(null)).contains("không có mã định danh");
    assertThatThrownBy(() -> packages.write(document(Business.NEW, null)))
        .isInstanceOf(IllegalStateException.class);
    assertThat(folder.resolve("out")).doesNotExist();
  }
}
