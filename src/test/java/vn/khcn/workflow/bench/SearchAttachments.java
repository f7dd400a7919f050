package vn.khcn.workflow.bench;

import static vn.khcn.workflow.bench.SearchCorpus.ISSUERS;
import static vn.khcn.workflow.bench.SearchCorpus.OBJECTS;
import static vn.khcn.workflow.bench.SearchCorpus.PARTNERS;
import static vn.khcn.workflow.bench.SearchCorpus.PLACES;
import static vn.khcn.workflow.bench.SearchCorpus.VERBS;
import static vn.khcn.workflow.bench.SearchCorpus.array;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * The attached files' text of the search benchmark's documents (ADR 0050): a Department's
 * incoming documents mostly arrive with their file, and an electronic one (edXML, a signed PDF)
 * has a text layer that {@code attachment_text} keeps folded for the search. A share of the
 * documents ({@code bench.searchAttachmentShare}, 0.6 by default) gets one attachment whose text
 * is the body of a short official letter written from the corpus's vocabulary: bases, requests,
 * deadlines, funding and closing sentences, 10 to 18 of them (about 2,000 characters, a
 * one-page letter; decisions with annexes are longer). The words are drawn by a hash of the row,
 * skewed like the summaries', so a run is repeatable. Only the text matters to the search: the
 * file's bytes are left empty (size 0), never shown by the benchmark.
 */
final class SearchAttachments {

  static final double SHARE = Double.parseDouble(
      System.getProperty("bench.searchAttachmentShare", "0.6"));

  private SearchAttachments() {}

  /** Writes the attachments and their text, the search indexes rebuilt once after the rows. */
  static void seed(Statement s) throws SQLException {
    if (SHARE <= 0) {
      return;
    }
    s.execute("""
        insert into document_attachment (id, document_id, file_name, content_type, size_bytes,
          sha256, content, uploaded_by, uploaded_at)
        select d.id, d.id, replace(d.business_key, '/', '-') || '.pdf', 'application/pdf', 0,
          md5(d.id::text), ''::bytea, 'vanthu', d.registered_at
        from incoming_document d
        where (hashint4(d.id::int * 13) & 2147483647) / 2147483648.0 < %s
        """.formatted(SHARE));
    s.execute("select setval(pg_get_serial_sequence('document_attachment', 'id'),"
        + " (select max(id) from document_attachment))");
    insertRebuildingSearchIndexes(s, "attachment_text",
        "insert into attachment_text (attachment_id, document_id, search_text)"
        + " select a.id, a.document_id, (select string_agg(" + sentence() + ", ' ' order by k)"
        + " from generate_series(1, 10 + mod(a.id::int, 9)) k) from document_attachment a");
  }

  /**
   * Runs a bulk {@code insert} into {@code table} with the search's GIN indexes (V25, V40, V46)
   * dropped, then builds each again as its migration made it: once after the rows, the same
   * index in the end (row by row, a million GIN inserts took far longer).
   */
  static void insertRebuildingSearchIndexes(Statement s, String table, String insert)
      throws SQLException {
    List<String> searchIndexes = new ArrayList<>();
    try (ResultSet rs = s.executeQuery("select indexname, indexdef from pg_indexes"
        + " where tablename = '" + table + "' and indexdef like '% USING gin %'")) {
      while (rs.next()) {
        searchIndexes.add(rs.getString(1));
        searchIndexes.add(rs.getString(2));
      }
    }
    for (int i = 0; i < searchIndexes.size(); i += 2) {
      s.execute("drop index " + searchIndexes.get(i));
    }
    s.execute(insert);
    s.execute("set maintenance_work_mem = '256MB'");
    for (int i = 1; i < searchIndexes.size(); i += 2) {
      s.execute(searchIndexes.get(i));
    }
    s.execute("reset maintenance_work_mem");
  }

  /** One sentence of a letter's body, its kind turning with {@code k}, its words by hash. */
  private static String sentence() {
    String issuer = pick(ISSUERS.size(), 1, 2);
    String verb = pick(VERBS.size(), 2, 1);
    String object = pick(OBJECTS.size(), 3, 2);
    String place = pick(PLACES.size(), 4, 1);
    String partner = pick(PARTNERS.size(), 5, 1);
    String issuers = array(ISSUERS, true);
    String objects = array(OBJECTS, true);
    return """
        case mod(k + a.id::int, 5)
          when 0 then 'can cu van ban cua ' || (%1$s)[%2$s] || ' ve viec '
            || (%3$s)[%4$s] || ' ' || (%5$s)[%6$s] || ';'
          when 1 then (%1$s)[%2$s] || ' de nghi so khoa hoc va cong nghe ' || (%3$s)[%4$s]
            || ' ' || (%5$s)[%6$s] || (%7$s)[%8$s] || ' phoi hop voi ' || (%9$s)[%10$s] || '.'
          when 2 then 'thoi gian thuc hien truoc ngay ' || (1 + mod(a.id::int + k, 28))
            || '/' || (1 + mod(a.id::int * k, 12)) || '; cac don vi bao cao ket qua ve '
            || (%5$s)[%6$s] || ' bang van ban.'
          when 3 then 'kinh phi thuc hien tu nguon ngan sach su nghiep khoa hoc va cong nghe'
            || ' cua thanh pho, theo du toan duoc giao va quy dinh hien hanh.'
          else 'trong qua trinh thuc hien, neu co kho khan vuong mac, de nghi phan anh ve '
            || (%1$s)[%2$s] || ' de duoc huong dan giai quyet.' end"""
        .formatted(issuers, issuer, array(VERBS, true), verb, objects, object,
            array(PLACES, true), place, array(PARTNERS, true), partner);
  }

  /**
   * An index into a list of {@code size} words from a hash of the attachment, the sentence and
   * {@code salt}: uniform, or skewed towards the first words ({@code power} 2, as the summaries'
   * squared draws).
   */
  private static String pick(int size, int salt, int power) {
    String r = "((hashint4(a.id::int * 131 + k * 17 + " + salt + ") & 2147483647)"
        + " / 2147483648.0)";
    return "1 + floor(" + (power == 2 ? r + " * " + r : r) + " * " + size + ")::int";
  }
}
