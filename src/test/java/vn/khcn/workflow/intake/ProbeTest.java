package vn.khcn.workflow.intake;

import org.junit.jupiter.api.Test;

class ProbeTest {
  @Test
  void probe() throws Exception {
    IntakeService s = new IntakeService(new Ocr("tesseract", 120), 20_000_000, 40_000_000, 10);
    for (String f : new String[] {"cong-van-994-UBND-KGVX.pdf", "quyet-dinh-125-QD-SKHCN.docx",
        "thong-bao-45-TB-SKHCN-scan.png", "thong-bao-45-TB-SKHCN-scan.pdf"}) {
      byte[] b = getClass().getResourceAsStream("/intake/" + f).readAllBytes();
      Extraction e = s.extract(b);
      System.out.println("==== " + f + " " + e.source());
      e.fields().forEach((k, v) -> System.out.println(k + " = " + v));
      e.items().forEach(i -> System.out.println("item " + i.label() + " " + i.bodies() + " :: "
          + i.text().substring(0, Math.min(60, i.text().length()))));
      e.warnings().forEach(w -> System.out.println("W " + w));
    }
    System.out.println(vn.khcn.workflow.shared.text.DocumentText.pdf(getClass().getResourceAsStream("/intake/cong-van-994-UBND-KGVX.pdf").readAllBytes()).text());
  }
}
