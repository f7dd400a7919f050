package vn.khcn.workflow.outgoing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import vn.khcn.workflow.identity.ActorResolver;
import vn.khcn.workflow.outgoing.OpinionInput.AnswerBody;
import vn.khcn.workflow.outgoing.OpinionInput.OutsideBody;
import vn.khcn.workflow.outgoing.OpinionInput.AskBody;
import vn.khcn.workflow.outgoing.OpinionInput.ResolutionBody;
import vn.khcn.workflow.outgoing.OutgoingViews.Details;
import vn.khcn.workflow.papers.PdfRenderer;
import vn.khcn.workflow.shared.web.NotFoundException;

/**
 * Opinions on outgoing drafts (ADR 0026): the drafter's requests, the asked parties' answers
 * (JSON, or multipart with files), outside bodies' opinions, consolidation and its printed table.
 */
@RestController
@RequestMapping("/api/outgoing-documents/{id}")
@PreAuthorize(OutgoingDocumentController.STAFF)
class OutgoingOpinionController {

  private final OutgoingOpinions opinions;
  private final OutgoingQueries queries;
  private final OutgoingDocumentRepository documents;
  private final OpinionFileRepository files;
  private final ActorResolver actors;
  private final PdfRenderer pdf;
  private final Clock clock;
  private final List<String> agency;

  OutgoingOpinionController(OutgoingOpinions opinions, OutgoingQueries queries,
      OutgoingDocumentRepository documents, OpinionFileRepository files, ActorResolver actors,
      PdfRenderer pdf, Clock clock,
      @Value("${khcn.agency.parent:Ủy ban nhân dân thành phố Cần Thơ}") String agencyParent,
      @Value("${khcn.agency.name:Sở Khoa học và Công nghệ}") String agencyName) {
    this.opinions = opinions;
    this.queries = queries;
    this.documents = documents;
    this.files = files;
    this.actors = actors;
    this.pdf = pdf;
    this.clock = clock;
    Locale vi = Locale.forLanguageTag("vi");
    this.agency = List.of(agencyParent.toUpperCase(vi), agencyName.toUpperCase(vi));
  }

  @PostMapping("/opinion-requests")
  ResponseEntity<Details> request(@PathVariable long id, @RequestBody AskBody body,
      Authentication user) {
    Reader reader = OutgoingDocumentController.reader(user);
    opinions.request(id, body, actors.of(user.getName()), reader);
    return ResponseEntity.status(HttpStatus.CREATED).body(queries.details(id, reader));
  }

  @PostMapping(path = "/opinions", consumes = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<Details> answer(@PathVariable long id, @RequestBody AnswerBody body,
      Authentication user) {
    return answered(id, body.position(), body.text(), List.of(), user);
  }

  @PostMapping(path = "/opinions", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  ResponseEntity<Details> answerWithFiles(@PathVariable long id,
      @RequestParam(required = false) String position,
      @RequestParam(required = false) String text,
      @RequestPart(name = "files", required = false) List<MultipartFile> uploads,
      Authentication user) throws IOException {
    List<OutgoingOpinions.Upload> read = new ArrayList<>();
    for (MultipartFile file : uploads == null ? List.<MultipartFile>of() : uploads) {
      read.add(new OutgoingOpinions.Upload(file.getOriginalFilename(), file.getBytes()));
    }
    return answered(id, position, text, read, user);
  }

  private ResponseEntity<Details> answered(long id, String position, String text,
      List<OutgoingOpinions.Upload> uploads, Authentication user) {
    Reader reader = OutgoingDocumentController.reader(user);
    opinions.answer(id, position, text, uploads, actors.of(user.getName()), reader);
    return ResponseEntity.status(HttpStatus.CREATED).body(queries.details(id, reader));
  }

  @PostMapping("/opinions/{opinionId}/resolution")
  Details resolve(@PathVariable long id, @PathVariable long opinionId,
      @RequestBody ResolutionBody body, Authentication user) {
    Reader reader = OutgoingDocumentController.reader(user);
    opinions.resolve(id, opinionId, body, actors.of(user.getName()), reader);
    return queries.details(id, reader);
  }

  /** The drafter closes the open round early: unanswered parties "không có ý kiến" (no body). */
  @PostMapping("/opinion-round/close")
  Details closeRound(@PathVariable long id, Authentication user) {
    Reader reader = OutgoingDocumentController.reader(user);
    opinions.closeRound(id, actors.of(user.getName()), reader);
    return queries.details(id, reader);
  }

  @PostMapping("/outside-opinions")
  ResponseEntity<Details> recordOutside(@PathVariable long id, @RequestBody OutsideBody body,
      Authentication user) {
    Reader reader = OutgoingDocumentController.reader(user);
    opinions.recordOutside(id, body, actors.of(user.getName()), reader);
    return ResponseEntity.status(HttpStatus.CREATED).body(queries.details(id, reader));
  }

  @GetMapping("/opinions.pdf")
  ResponseEntity<byte[]> table(@PathVariable long id, Authentication user) {
    OutgoingDocument document = queries.readable(id, OutgoingDocumentController.reader(user));
    byte[] body = OpinionTable.pdf(pdf, agency, document, queries.opinions(id), clock.getZone());
    return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
        .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline()
            .filename("tong-hop-y-kien_" + id + ".pdf", StandardCharsets.UTF_8).build()
            .toString())
        .header("X-Content-Type-Options", "nosniff").body(body);
  }

  @GetMapping("/opinion-files/{fileId}")
  ResponseEntity<byte[]> file(@PathVariable long id, @PathVariable long fileId,
      Authentication user) {
    queries.readable(id, OutgoingDocumentController.reader(user));
    OpinionFile file = files.findById(fileId)
        .filter(f -> documents.existsById(id) && opinionOf(f, id))
        .orElseThrow(() -> new NotFoundException("Không có tệp " + fileId));
    return ResponseEntity.ok().contentType(MediaType.parseMediaType(file.getContentType()))
        .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
            .filename(file.getFileName(), StandardCharsets.UTF_8).build().toString())
        .header("X-Content-Type-Options", "nosniff").body(file.getContent());
  }

  private boolean opinionOf(OpinionFile file, long documentId) {
    return queries.opinions(documentId).stream()
        .anyMatch(o -> o.id() == file.getOpinionId());
  }
}
