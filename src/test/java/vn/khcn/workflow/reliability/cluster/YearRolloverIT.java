package vn.khcn.workflow.reliability.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.support.GenericApplicationContext;
import vn.khcn.workflow.KhcnWorkflowApplication;
import vn.khcn.workflow.support.TestHttp;
import vn.khcn.workflow.support.TestHttp.Part;

/**
 * Scenario year-rollover: the application on PostgreSQL (in this JVM, so that its Department clock
 * can be set: a primary {@link Clock} bean running from 31/12 23:59:5x in Asia/Ho_Chi_Minh) takes
 * registrations and numbers outgoing documents from several threads at once across midnight. Both
 * series start the new year at 1; every acknowledged registration and numbering is stored once,
 * numbers of each year gapless and unique.
 */
class YearRolloverIT {

  static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");
  static final int OLD_YEAR = 2033;
  static final int SECONDS_BEFORE = Integer.getInteger("rollover.secondsBefore", 4);
  static final int SECONDS_AFTER = Integer.getInteger("rollover.secondsAfter", 6);
  static final int THREADS = 8;
  static final Database DB = new Database("khcn_rel_year_" + ProcessHandle.current().pid());
  static final ShiftedClock CLOCK = new ShiftedClock(ZONE);
  static ConfigurableApplicationContext app;
  static TestHttp http;

  /** The system clock moved by an offset that the test sets. */
  static final class ShiftedClock extends Clock {
    private final ZoneId zone;
    private volatile Duration offset = Duration.ZERO;

    ShiftedClock(ZoneId zone) {
      this.zone = zone;
    }

    void runFrom(ZonedDateTime start) {
      offset = Duration.between(Instant.now(), start.toInstant());
    }

    @Override
    public ZoneId getZone() {
      return zone;
    }

    @Override
    public Clock withZone(ZoneId other) {
      return Clock.offset(Clock.system(other), offset);
    }

    @Override
    public Instant instant() {
      return Instant.now().plus(offset);
    }
  }

  @BeforeAll
  static void start() throws Exception {
    Database.create(DB.name);
    CLOCK.runFrom(ZonedDateTime.of(OLD_YEAR, 12, 31, 12, 0, 0, 0, ZONE));
    app = new SpringApplicationBuilder(KhcnWorkflowApplication.class)
        .initializers(context -> ((GenericApplicationContext) context).registerBean(
            "rolloverClock", Clock.class, () -> CLOCK, bean -> bean.setPrimary(true)))
        .run("--server.port=18087", "--spring.profiles.active=postgres",
            "--khcn.demo.users=true", "--DB_URL=" + Database.jdbcUrl(DB.name),
            "--DB_USER=" + Database.PGUSER, "--DB_PASSWORD=" + Database.PGPASSWORD,
            "--ADMIN_PASSWORD=demo", "--PROCESSES_PATH=processes");
    http = new TestHttp("http://127.0.0.1:18087", Duration.ofSeconds(60));
  }

  @AfterAll
  static void stop() {
    if (app != null) {
      app.close();
    }
    DB.drop();
  }

  static Map<String, Object> document(int i) {
    return Map.of("issuer", "Ủy ban nhân dân thành phố Cần Thơ", "documentNumber",
        i + "/KH-UBND", "issuedOn", OLD_YEAR + "-12-01", "documentType", "Kế hoạch",
        "summary", "Kế hoạch thử chuyển năm", "urgency", "NORMAL");
  }

  /** A draft of phong-qlkh with a PDF version, signed by the director: ready for its number. */
  static long signedDraft() {
    TestHttp.Response draft = http.post("cv.qlkh", "/api/outgoing-documents", Map.of(
        "documentType", "Công văn", "summary", "Về việc thử chuyển năm", "recipients",
        List.of("Kính gửi: Sở Tài chính"), "signer", "Giám đốc", "urgency", "NORMAL",
        "classification", "NONE"));
    assertThat(draft.status()).as(draft.text()).isEqualTo(201);
    long id = draft.body().get("id").asLong();
    TestHttp.Response version = http.multipart("cv.qlkh", "/api/outgoing-documents/" + id
        + "/versions", Part.file("file", "du-thao.pdf", "application/pdf",
            "%PDF-1.4\n% dự thảo\n".getBytes(StandardCharsets.UTF_8)),
        new Part("note", null, "text/plain", "Bản trình ký".getBytes(StandardCharsets.UTF_8)));
    assertThat(version.status()).as(version.text()).isEqualTo(201);
    vn.khcn.workflow.support.PreModelOutgoing.detach(id);
    TestHttp.Response signed = http.post("giamdoc", "/api/outgoing-documents/" + id + "/sign",
        Map.of());
    assertThat(signed.status()).as(signed.text()).isEqualTo(200);
    return id;
  }

  @Test
  void bothSeriesStartAtOneOnFirstJanuary() throws Exception {
    List<Long> drafts = new ArrayList<>();
    for (int i = 0; i < THREADS * (SECONDS_BEFORE + SECONDS_AFTER); i++) {
      drafts.add(signedDraft());
    }
    // half the drafts are numbered before midnight, half after: on a fast machine the numbering
    // threads used up every draft before midnight (80 numbers in 4 s) and the new year had none
    ConcurrentLinkedQueue<Long> beforeMidnight = new ConcurrentLinkedQueue<>(
        drafts.subList(0, drafts.size() / 2));
    ConcurrentLinkedQueue<Long> afterMidnight = new ConcurrentLinkedQueue<>(
        drafts.subList(drafts.size() / 2, drafts.size()));
    Instant midnight = ZonedDateTime.of(OLD_YEAR + 1, 1, 1, 0, 0, 0, 0, ZONE).toInstant();
    Map<Long, String> registered = new ConcurrentHashMap<>();
    Map<Long, String> numbered = new ConcurrentHashMap<>();
    List<String> problems = java.util.Collections.synchronizedList(new ArrayList<>());
    AtomicInteger sequence = new AtomicInteger();
    AtomicInteger attempts = new AtomicInteger();

    CLOCK.runFrom(ZonedDateTime.of(OLD_YEAR, 12, 31, 23, 59, 60 - SECONDS_BEFORE, 0, ZONE));
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(SECONDS_BEFORE + SECONDS_AFTER);
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    for (int t = 0; t < THREADS; t++) {
      int thread = t;
      pool.submit(() -> {
        while (System.nanoTime() < end) {
          attempts.incrementAndGet();
          ConcurrentLinkedQueue<Long> toNumber =
              CLOCK.instant().isBefore(midnight) ? beforeMidnight : afterMidnight;
          if (thread % 2 == 0 || toNumber.isEmpty()) {
            TestHttp.Response r = http.post("vanthu", "/api/incoming-documents",
                document(sequence.incrementAndGet()));
            if (r.status() == 201) {
              registered.put(r.body().get("id").asLong(), r.body().get("year").asInt() + "/"
                  + r.body().get("incomingNumber").asInt());
            } else {
              problems.add("registration answered " + r.status() + " " + r.text());
            }
          } else {
            Long id = toNumber.poll();
            if (id == null) {
              continue;
            }
            TestHttp.Response r = http.post("vanthu", "/api/outgoing-documents/" + id
                + "/number", null);
            if (r.status() == 200) {
              numbered.put(id, r.body().path("issuedOn").asText().substring(0, 4) + "/"
                  + r.body().get("number").asInt());
            } else {
              problems.add("numbering answered " + r.status() + " " + r.text());
            }
          }
        }
        return null;
      });
    }
    pool.shutdown();
    assertThat(pool.awaitTermination(10, TimeUnit.MINUTES)).isTrue();

    for (Map.Entry<Long, String> ack : registered.entrySet()) {
      String[] yearNumber = ack.getValue().split("/");
      if (DB.count("select count(*) from incoming_document where id = ? and doc_year = ? and"
          + " incoming_number = ? and extract(year from received_on) = doc_year", ack.getKey(),
          Integer.parseInt(yearNumber[0]), Integer.parseInt(yearNumber[1])) != 1) {
        problems.add("registration " + ack.getKey() + " (" + ack.getValue() + ") not stored");
      }
    }
    for (Map.Entry<Long, String> ack : numbered.entrySet()) {
      String[] yearNumber = ack.getValue().split("/");
      if (DB.count("select count(*) from outgoing_document where id = ? and doc_year = ? and"
          + " doc_number = ? and extract(year from issued_on) = doc_year", ack.getKey(),
          Integer.parseInt(yearNumber[0]), Integer.parseInt(yearNumber[1])) != 1) {
        problems.add("numbering " + ack.getKey() + " (" + ack.getValue() + ") not stored");
      }
    }
    long[] incoming = new long[2];
    long[] outgoing = new long[2];
    for (int y = 0; y < 2; y++) {
      int year = OLD_YEAR + y;
      List<Long> in = DB.longs("select incoming_number from incoming_document where doc_year = ?"
          + " and series = 'REGULAR' order by incoming_number", year);
      List<Long> out = DB.longs("select doc_number from outgoing_document where doc_year = ?"
          + " and series = 'REGULAR' order by doc_number", year);
      incoming[y] = in.size();
      outgoing[y] = out.size();
      problems.addAll(Database.gapless("incoming " + year, in));
      problems.addAll(Database.gapless("outgoing " + year, out));
    }
    if (incoming[0] == 0 || incoming[1] == 0 || outgoing[0] == 0 || outgoing[1] == 0) {
      problems.add("the run did not straddle midnight in both series: incoming " + incoming[0]
          + "/" + incoming[1] + ", outgoing " + outgoing[0] + "/" + outgoing[1]);
    }
    if (incoming[0] + incoming[1] != registered.size()
        || outgoing[0] + outgoing[1] != numbered.size()) {
      problems.add("stored rows differ from acknowledgements");
    }
    ReliabilityReport.merge(List.of(new ReliabilityReport.Entry("year-rollover", attempts.get(),
        problems.isEmpty() ? 0 : 1, 0, THREADS + " threads for " + (SECONDS_BEFORE
            + SECONDS_AFTER) + " s from 31/12/" + OLD_YEAR + " 23:59:" + (60 - SECONDS_BEFORE)
            + " Asia/Ho_Chi_Minh (the Department clock shifted): registrations " + incoming[0]
            + " in " + OLD_YEAR + " + " + incoming[1] + " in " + (OLD_YEAR + 1) + ", outgoing"
            + " numbers " + outgoing[0] + " + " + outgoing[1] + "; " + (problems.isEmpty()
                ? "each year's numbers 1..n gapless and unique in both series, every"
                    + " acknowledgement stored once with the year of its date"
                : String.join("; ", problems.subList(0, Math.min(10, problems.size())))))));
    assertThat(problems).isEmpty();
  }
}
