package vn.khcn.workflow.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import vn.khcn.workflow.support.TestHttp;

/** 8 clerks registering 50 documents each at once: numbers 1..400, no gap, no duplicate. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class ConcurrentRegistrationTest {

  /** A year no other test registers in, so its series starts at 1. */
  static final String RECEIVED_ON = "2025-06-30";

  @Autowired TestRestTemplate rest;
  @Autowired JdbcTemplate jdbc;

  @Test
  void concurrentRegistrationsGetGaplessUniqueNumbers() throws Exception {
    TestHttp api = TestHttp.of(rest);
    ExecutorService pool = Executors.newFixedThreadPool(8);
    List<Callable<List<Integer>>> workers = new ArrayList<>();
    for (int w = 0; w < 8; w++) {
      int worker = w;
      workers.add(() -> {
        List<Integer> numbers = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
          Map<String, Object> doc = DispatchFixtures.document(worker + "-" + i + "/CV-SKHCN");
          doc.put("issuedOn", "2025-06-20");
          doc.put("receivedOn", RECEIVED_ON);
          TestHttp.Response r = api.post("vanthu", "/api/incoming-documents", doc);
          assertThat(r.status()).as("registration %s-%s: %s", worker, i, r.body()).isEqualTo(201);
          numbers.add(r.body().get("incomingNumber").asInt());
        }
        return numbers;
      });
    }
    List<Integer> all = new ArrayList<>();
    for (Future<List<Integer>> result : pool.invokeAll(workers)) {
      all.addAll(result.get());
    }
    pool.shutdown();

    assertThat(all).hasSize(400);
    assertThat(all).containsExactlyInAnyOrderElementsOf(IntStream.rangeClosed(1, 400).boxed().toList());
    assertThat(jdbc.queryForList("select incoming_number from incoming_document where doc_year = 2025"
        + " and series = 'REGULAR' order by incoming_number", Integer.class))
        .containsExactlyElementsOf(IntStream.rangeClosed(1, 400).boxed().toList());
  }
}
