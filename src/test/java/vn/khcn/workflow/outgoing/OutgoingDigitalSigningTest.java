package vn.khcn.workflow.outgoing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import vn.khcn.workflow.calendar.WorkingCalendar;
import vn.khcn.workflow.identity.ActorResolver;
import vn.khcn.workflow.identity.UnitLeaders;
import vn.khcn.workflow.outgoing.OutgoingTrailEntry.Action;
import vn.khcn.workflow.papers.PdfSigner;
import vn.khcn.workflow.signature.PadesVerifier;
import vn.khcn.workflow.signature.SignatureCheck;
import vn.khcn.workflow.signature.TestCa;
import vn.khcn.workflow.support.PreModelOutgoing;
import vn.khcn.workflow.support.TestHttp;
import vn.khcn.workflow.support.TestHttp.Part;

/**
 * The model's sign step with a keystore configured (the test profile has none): the latest PDF
 * body is signed (PAdES) as a new version, the document is marked digitally signed and the trail
 * says so; the signature is the keystore's signer's.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class OutgoingDigitalSigningTest {

  @Autowired TestRestTemplate rest;
  @Autowired OutgoingDocumentRepository documents;
  @Autowired BodyVersionRepository versions;
  @Autowired OutgoingTrailRepository trail;
  @Autowired OpinionRequestRepository requests;
  @Autowired OutgoingOpinions opinions;
  @Autowired OutgoingLifecycle lifecycle;
  @Autowired SigningRules rules;
  @Autowired OutgoingTaskViews views;
  @Autowired UnitLeaders leaders;
  @Autowired WorkingCalendar calendar;
  @Autowired OutgoingWorkflow workflow;
  @Autowired ActorResolver actors;
  @Autowired ApplicationEventPublisher events;
  @Autowired Clock clock;
  @Autowired PadesVerifier verifier;
  @Autowired PlatformTransactionManager transactions;

  @Test
  void theSignStepSignsTheLatestPdfWithTheConfiguredKeystore(@TempDir Path dir) throws Exception {
    TestCa ca = new TestCa("Outgoing Signing Test CA");
    TestCa.Signer director = ca.signer("Trần Quốc Bảo", "Sở Khoa học và Công nghệ");
    Path keystore = dir.resolve("giam-doc.p12");
    KeyStore store = KeyStore.getInstance("PKCS12");
    store.load(null, null);
    store.setKeyEntry("giam-doc", director.keys().getPrivate(), "matkhau".toCharArray(),
        director.chain());
    try (OutputStream out = Files.newOutputStream(keystore)) {
      store.store(out, "matkhau".toCharArray());
    }
    OutgoingDocumentSteps steps = new OutgoingDocumentSteps(documents, versions, trail, requests,
        opinions, lifecycle, views, new PdfSigner(keystore.toString(), "matkhau", "giam-doc"),
        leaders, calendar, workflow, actors, events, rules, clock);

    TestHttp api = TestHttp.of(rest);
    TestHttp.Response created = api.post("cv.qlkh", "/api/outgoing-documents", Map.of(
        "documentType", "Công văn", "summary", "Về việc thử ký số khi duyệt ký",
        "recipients", List.of("Kính gửi: Sở Tài chính"), "signer", "Giám đốc",
        "urgency", "NORMAL", "classification", "NONE"));
    assertThat(created.status()).as(created.text()).isEqualTo(201);
    long id = created.body().get("id").asLong();
    TestHttp.Response uploaded = api.multipart("cv.qlkh", "/api/outgoing-documents/" + id
        + "/versions", Part.file("file", "cong-van.pdf", "application/pdf",
            TestCa.pdf("Cong van thu ky so")),
        new Part("note", null, "text/plain; charset=UTF-8",
            "Bản trình ký".getBytes(StandardCharsets.UTF_8)));
    assertThat(uploaded.status()).as(uploaded.text()).isEqualTo(201);
    // the step is called directly here; the model's own instance is not needed
    PreModelOutgoing.detach(id);

    new TransactionTemplate(transactions).executeWithoutResult(
        status -> steps.sign(id, "giamdoc", ""));

    List<BodyVersionRepository.VersionInfo> infos = versions.infos(id);
    assertThat(infos).hasSize(2);
    BodyVersionRepository.VersionInfo signed = infos.get(1);
    assertThat(signed.fileName()).isEqualTo("cong-van-da-ky.pdf");
    assertThat(signed.contentType()).isEqualTo("application/pdf");
    byte[] content = versions.findByIdAndDocumentId(signed.id(), id).orElseThrow().getContent();
    List<SignatureCheck> checks = verifier.verify(content);
    assertThat(checks).hasSize(1);
    assertThat(checks.get(0).signer()).isEqualTo("Trần Quốc Bảo");
    OutgoingDocument document = documents.findById(id).orElseThrow();
    assertThat(document.isDigitallySigned()).isTrue();
    assertThat(document.getStatus()).isEqualTo(OutgoingStatus.SIGNED);
    assertThat(trail.findByDocumentIdOrderByOccurredAtAscIdAsc(id))
        .extracting(OutgoingTrailEntry::getAction).contains(Action.DIGITALLY_SIGNED);
  }
}
