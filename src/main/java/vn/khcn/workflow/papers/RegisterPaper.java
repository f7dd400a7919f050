package vn.khcn.workflow.papers;

import java.util.List;

/**
 * A register of the Decree's App. IV (incoming, outgoing) as a table paper: the heading, then
 * year by year its rows and, once the year is closed, its closing line; a line saying so when
 * the period holds nothing.
 */
public final class RegisterPaper {

  /** One calendar year of the period: its rows (a cell per column), its closing line or null. */
  public record Year(List<String[]> rows, String closingLine) {}

  public static byte[] render(PdfRenderer renderer, List<TablePdf.Column> columns,
      List<String> agency, String title, String period, String nothing, List<Year> years) {
    try (TablePdf pdf = renderer.table(columns)) {
      pdf.heading(agency, title, period);
      if (years.stream().allMatch(y -> y.rows().isEmpty() && y.closingLine() == null)) {
        pdf.wideRow(nothing, true);
      }
      for (Year year : years) {
        year.rows().forEach(pdf::row);
        if (year.closingLine() != null) {
          pdf.wideRow(year.closingLine(), false);
        }
      }
      return pdf.finish();
    }
  }

  private RegisterPaper() {}
}
