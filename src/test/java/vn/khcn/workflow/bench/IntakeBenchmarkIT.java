package vn.khcn.workflow.bench;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import vn.khcn.workflow.intake.Extraction;
import vn.khcn.workflow.intake.IntakeCorpus;
import vn.khcn.workflow.intake.IntakeCorpus.Doc;

/**
 * Issue 16's intake figures ({@code ./mvnw -B -Pbench verify -Dit.test=IntakeBenchmarkIT}, not
 * part of verify): {@code intake.text_ms_per_doc}, the mean time to read one document of the
 * corpus as plain text, text PDF and DOCX (the files rendered beforehand; after
 * {@code bench.intakeWarmup} warm-up rounds, over {@code bench.intakeRounds} rounds), and
 * {@code intake.ocr_s_per_page}, the mean time per page of the rendered scans read by tesseract
 * (skipped, with the key absent, when tesseract with the vie model is not installed). Same
 * service and rules as the endpoint, without HTTP. Merges the keys into target/bench/results.json.
 */
class IntakeBenchmarkIT {

  static final int WARMUP = Integer.getInteger("bench.intakeWarmup", 3);
  static final int ROUNDS = Integer.getInteger("bench.intakeRounds", 10);

  @Test
  void intakeSpeed() throws Exception {
    List<Doc> corpus = IntakeCorpus.load();
    List<byte[]> files = new ArrayList<>();
    for (Doc doc : corpus) {
      for (String format : List.of("TEXT", "PDF", "DOCX")) {
        if (doc.formats().contains(format)) {
          files.add(IntakeCorpus.render(doc, format));
        }
      }
    }
    for (int i = 0; i < WARMUP; i++) {
      files.forEach(IntakeCorpus::extract);
    }
    long start = System.nanoTime();
    int fields = 0;
    for (int i = 0; i < ROUNDS; i++) {
      for (byte[] file : files) {
        fields += IntakeCorpus.extract(file).fields().size();
      }
    }
    double textMs = (System.nanoTime() - start) / 1e6 / (ROUNDS * (double) files.size());
    assertTrue(fields > 0, "the corpus yields fields");

    Map<String, Object> intake = new LinkedHashMap<>();
    intake.put("text_ms_per_doc", BenchmarkIT.round(textMs));
    intake.put("text_files", files.size());
    intake.put("text_rounds", ROUNDS);
    if (IntakeCorpus.ocrAvailable()) {
      List<byte[]> scans = new ArrayList<>();
      int pages = 0;
      for (Doc doc : corpus) {
        if (doc.formats().contains("SCAN")) {
          for (BufferedImage page : IntakeCorpus.scanPages(doc)) {
            ByteArrayOutputStream png = new ByteArrayOutputStream();
            ImageIO.write(page, "png", png);
            scans.add(png.toByteArray());
            pages++;
          }
        }
      }
      IntakeCorpus.extract(scans.get(0)); // warm-up: the model loads once per process anyway
      long ocrStart = System.nanoTime();
      for (byte[] scan : scans) {
        Extraction read = IntakeCorpus.extract(scan);
        assertTrue(read.source() == Extraction.Source.OCR);
      }
      intake.put("ocr_s_per_page", BenchmarkIT.round((System.nanoTime() - ocrStart) / 1e9 / pages));
      intake.put("ocr_pages", pages);
      intake.put("ocr_dpi", 200);
    }
    intake.put("cpus", Runtime.getRuntime().availableProcessors());
    System.out.println(BenchResults.merge(BenchmarkIT.ordered("intake", intake)));
  }
}
