package vn.khcn.workflow.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Collectors;
import vn.khcn.workflow.shared.text.SearchText;

/**
 * Generated incoming documents for the search benchmark (issue 20): issuers, types and summaries
 * drawn from a vocabulary with skewed (Zipf-like) frequencies, so that a common phrase is in a
 * large share of the documents, a rare one in a few hundred, and no phrase is in every row (the
 * generator of ADR 0025 repeated its words in every row). The search column is filled with the
 * vocabulary folded in Java ({@link SearchText}), exactly as the application stores it. As in
 * the registers, each year's numbers start at 1 and follow the days of arrival (the classified
 * series on its own); the newest documents are the ones still awaiting direction or in progress.
 */
final class SearchCorpus {

  static final List<String> ISSUERS = List.of("Ủy ban nhân dân thành phố Cần Thơ",
      "Bộ Khoa học và Công nghệ", "Sở Tài chính thành phố Cần Thơ", "Văn phòng Thành ủy Cần Thơ",
      "Cục Sở hữu trí tuệ", "Tổng cục Tiêu chuẩn Đo lường Chất lượng", "Sở Kế hoạch và Đầu tư",
      "Sở Nông nghiệp và Phát triển nông thôn", "Sở Thông tin và Truyền thông",
      "Sở Nội vụ thành phố Cần Thơ", "Trường Đại học Cần Thơ",
      "Viện Lúa Đồng bằng sông Cửu Long", "Ủy ban nhân dân quận Ninh Kiều",
      "Ủy ban nhân dân huyện Phong Điền", "Ủy ban nhân dân quận Cái Răng",
      "Ủy ban nhân dân huyện Cờ Đỏ", "Cục An toàn bức xạ và hạt nhân", "Kho bạc Nhà nước Cần Thơ",
      "Thanh tra thành phố", "Liên hiệp các Hội Khoa học và Kỹ thuật",
      "Công ty Cổ phần Thủy sản Bình An", "Công ty TNHH Mekong Xanh",
      "Hội đồng nhân dân thành phố", "Quỹ Phát triển khoa học và công nghệ quốc gia");
  static final List<String> ISSUER_CODES = List.of("UBND", "BKHCN", "STC", "VPTU", "SHTT",
      "TĐC", "SKHĐT", "SNN", "STTTT", "SNV", "ĐHCT", "VLĐBSCL", "UBND", "UBND", "UBND", "UBND",
      "ATBXHN", "KBNN", "TTr", "LHH", "BA", "MKX", "HĐND", "NAFOSTED");
  static final List<String> TYPES = List.of("Công văn", "Quyết định", "Thông báo", "Kế hoạch",
      "Giấy mời", "Báo cáo", "Tờ trình", "Hướng dẫn", "Chỉ thị", "Nghị quyết");
  static final List<String> TYPE_CODES = List.of("CV", "QĐ", "TB", "KH", "GM", "BC", "TTr",
      "HD", "CT", "NQ");
  static final List<String> VERBS = List.of("triển khai", "báo cáo tình hình", "đề nghị góp ý",
      "hướng dẫn thực hiện", "tổ chức", "kiểm tra", "phê duyệt", "thẩm định", "tổng kết",
      "đăng ký", "gia hạn", "nghiệm thu", "công bố", "rà soát", "bố trí kinh phí cho",
      "cử cán bộ tham dự", "xây dựng", "điều chỉnh", "thanh lý", "giải quyết kiến nghị về");
  static final List<String> OBJECTS = List.of("nhiệm vụ khoa học và công nghệ cấp thành phố",
      "đề tài nghiên cứu ứng dụng", "hợp đồng chuyển giao công nghệ", "chuyển đổi số",
      "tiêu chuẩn đo lường chất lượng sản phẩm hàng hóa", "an toàn bức xạ trong y tế",
      "bảo hộ quyền sở hữu trí tuệ", "nhãn hiệu tập thể", "chỉ dẫn địa lý",
      "doanh nghiệp khoa học và công nghệ", "hệ sinh thái khởi nghiệp đổi mới sáng tạo",
      "hội thảo khoa học", "kiểm định thiết bị X-quang", "phòng thí nghiệm chuyên ngành",
      "quỹ phát triển khoa học và công nghệ", "thống kê khoa học và công nghệ",
      "cải cách hành chính", "dịch vụ công trực tuyến mức độ 4", "phòng chống tham nhũng",
      "thi đua khen thưởng", "hệ thống quản lý chất lượng ISO 9001:2015", "mã số mã vạch",
      "nâng cao năng suất chất lượng", "giống lúa chịu mặn", "nuôi trồng thủy sản công nghệ cao",
      "năng lượng tái tạo", "xử lý nước thải sinh hoạt", "bảo tồn nguồn gen quý hiếm",
      "thông tin khoa học và công nghệ", "sáng kiến cải tiến kỹ thuật", "giải thưởng sáng tạo",
      "đánh giá trình độ công nghệ", "ứng dụng trí tuệ nhân tạo", "truy xuất nguồn gốc nông sản",
      "chợ công nghệ và thiết bị", "kiểm tra nhà nước về đo lường",
      "phổ biến kiến thức khoa học", "đào tạo nguồn nhân lực", "ngân sách sự nghiệp",
      "an ninh mạng");
  static final List<String> PLACES = List.of("", " trên địa bàn thành phố", " tại quận Ninh Kiều",
      " tại huyện Phong Điền", " tại quận Cái Răng", " tại huyện Thới Lai", " tại quận Bình Thủy",
      " tại huyện Cờ Đỏ", " tại quận Ô Môn", " tại huyện Vĩnh Thạnh", " tại quận Thốt Nốt");
  static final List<String> PARTNERS = List.of("Hợp tác xã Trường Khương", "Công ty Mê Kông Xanh",
      "Bệnh viện Đa khoa Trung ương Cần Thơ", "Trung tâm Ứng dụng tiến bộ", "Trường Cao đẳng Kỹ thuật",
      "Hội Nông dân", "Đoàn Thanh niên", "Hiệp hội Doanh nghiệp", "Viện Nghiên cứu Phát triển",
      "Công ty Lương thực Sông Hậu", "Nhà máy Nhiệt điện Ô Môn", "Hợp tác xã Mỹ Khánh");

  static final int PER_DAY = 274; // 1,000,000 documents over ten years

  private SearchCorpus() {}

  /**
   * Writes {@code count} documents, their assignments and their attachments' text
   * ({@link SearchAttachments}); returns the seconds it took.
   */
  static double seed(String url, int count, LocalDate today) throws Exception {
    long start = System.nanoTime();
    try (Connection c = DriverManager.getConnection(url, BenchmarkIT.USER, BenchmarkIT.PASSWORD);
        Statement s = c.createStatement()) {
      s.execute("set time zone 'Asia/Ho_Chi_Minh'");
      // r1..r7: uniform in [0, 1) from a hash of the row; squared for a skewed choice
      s.execute("create temporary table seed as select i, date '" + today + "' - (i / "
          + PER_DAY + ") as day, "
          + "(hashint4(i * 7 + 1) & 2147483647) / 2147483648.0 as r1, "
          + "(hashint4(i * 7 + 2) & 2147483647) / 2147483648.0 as r2, "
          + "(hashint4(i * 7 + 3) & 2147483647) / 2147483648.0 as r3, "
          + "(hashint4(i * 7 + 4) & 2147483647) / 2147483648.0 as r4, "
          + "(hashint4(i * 7 + 5) & 2147483647) / 2147483648.0 as r5, "
          + "(hashint4(i * 7 + 6) & 2147483647) / 2147483648.0 as r6, "
          + "(hashint4(i * 7 + 7) & 2147483647) / 2147483648.0 as r7 "
          + "from generate_series(0, " + (count - 1) + ") i");
      s.execute("""
          create temporary table pick as select i, day,
            1 + floor(r1 * r1 * %d)::int as iss, 1 + floor(r2 * r2 * %d)::int as typ,
            1 + floor(r3 * %d)::int as verb, 1 + floor(r4 * r4 * %d)::int as obj,
            1 + floor(r5 * %d)::int as place,
            case when r6 < 0.2 then 1 + floor(r6 * 5 * %d)::int end as partner,
            1 + floor(r7 * 3000)::int as num,
            row_number() over (partition by mod(i, 50) = 0, extract(year from day)
              order by i desc) as no
          from seed""".formatted(ISSUERS.size(), TYPES.size(), VERBS.size(), OBJECTS.size(),
          PLACES.size(), PARTNERS.size()));
      String sql = """
          insert into incoming_document (series, doc_year, incoming_number, business_key, issuer,
            document_number, issued_on, document_type, summary, page_count, urgency,
            classification, received_on, status, direction, direction_by, direction_at,
            info_only, direction_due_at, due_at, registered_by, registered_at, search_text,
            duplicate_key, version)
          select series, extract(year from day)::int, no, bk, iss_v, docno, day - 2, typ_v,
            summ, 1 + mod(i, 9),
            case when mod(i, 20) = 0 then 'FLASH' when mod(i, 10) = 0 then 'VERY_URGENT'
              when mod(i, 4) = 0 then 'URGENT' else 'NORMAL' end,
            case when series = 'CLASSIFIED' then 'CONFIDENTIAL' else 'NONE' end, day,
            case when i < 300 then 'AWAITING_DIRECTION' when i < 3000 then 'IN_PROGRESS'
              else 'ARCHIVED' end,
            case when i >= 300 then 'Giao phòng chủ trì xử lý' end,
            case when i >= 300 then 'giamdoc' end, case when i >= 300 then day + time '09:00' end,
            case when i >= 300 then false end, day + 2 + time '17:00',
            case when i >= 300 then day + 10 + time '17:00' end, 'vanthu', day + time '08:00',
            summ_f || ' | ' || docno_f || ' | ' || iss_f || ' | ' || bk || ' | ' || typ_f,
            iss_f || chr(31) || docno_f || '#' || i, 0
          from (select p.i, p.no, p.day,
                case when mod(p.i, 50) = 0 then 'CLASSIFIED' else 'REGULAR' end as series,
                case when mod(p.i, 50) = 0 then p.no || '-m/' else p.no || '/' end
                  || extract(year from p.day)::int as bk,
                (%1$s)[p.iss] as iss_v, (%2$s)[p.iss] as iss_f,
                (%3$s)[p.typ] as typ_v, (%4$s)[p.typ] as typ_f,
                p.num || '/' || (%5$s)[p.typ] || '-' || (%6$s)[p.iss] as docno,
                p.num || '/' || (%7$s)[p.typ] || '-' || (%8$s)[p.iss] as docno_f,
                'Về việc ' || (%9$s)[p.verb] || ' ' || (%11$s)[p.obj] || (%13$s)[p.place]
                  || coalesce(' phối hợp với ' || (%15$s)[p.partner], '')
                  || ' năm ' || extract(year from p.day)::int as summ,
                've viec ' || (%10$s)[p.verb] || ' ' || (%12$s)[p.obj] || (%14$s)[p.place]
                  || coalesce(' phoi hop voi ' || (%16$s)[p.partner], '')
                  || ' nam ' || extract(year from p.day)::int as summ_f
              from pick p) g
          """.formatted(array(ISSUERS, false), array(ISSUERS, true), array(TYPES, false),
          array(TYPES, true), array(TYPE_CODES, false), array(ISSUER_CODES, false),
          array(TYPE_CODES, true), array(ISSUER_CODES, true), array(VERBS, false),
          array(VERBS, true), array(OBJECTS, false), array(OBJECTS, true), array(PLACES, false),
          array(PLACES, true), array(PARTNERS, false), array(PARTNERS, true));
      SearchAttachments.insertRebuildingSearchIndexes(s, "incoming_document", sql);
      s.execute("""
          insert into document_assignment (id, document_id, unit_id, assignment_role, due_at,
            assigned_at, completed_at, completed_by, result, version)
          select nextval('document_assignment_seq'), d.id, (array['van-phong', 'phong-qlkh', 'phong-khtc', 'phong-qlcn'])
              [1 + (d.incoming_number + r.k) % 4],
            r.role, d.due_at, d.direction_at,
            case when d.status = 'ARCHIVED' and r.role <> 'INFORMED' then d.due_at
              - interval '2 days' end,
            case when d.status = 'ARCHIVED' and r.role <> 'INFORMED' then 'cv.qlkh' end,
            case when d.status = 'ARCHIVED' and r.role <> 'INFORMED' then 'Đã xử lý xong' end, 0
          from incoming_document d
          join (values (0, 'LEAD', 1), (1, 'COORDINATING', 3), (2, 'INFORMED', 5))
            as r(k, role, every) on mod(d.incoming_number, r.every) = 0
          where d.status <> 'AWAITING_DIRECTION'
          """);
      SearchAttachments.seed(s);
      // vacuumed as autovacuum leaves a Department's tables after their inserts (this machine's
      // PostgreSQL runs without it): the visibility map lets the order index answer a page of
      // known ids without the table (ADR 0052: the in-between phrase's 3,128 ids 8.5 → 4.8 ms)
      AfterBulkLoad.settle(s);
    }
    return (System.nanoTime() - start) / 1e9;
  }

  /** A PostgreSQL text array literal of the words, folded or not. */
  static String array(List<String> words, boolean folded) {
    return "array[" + words.stream()
        .map(w -> folded ? (w.startsWith(" ") ? " " : "") + SearchText.fold(w) : w)
        .map(w -> "'" + w.replace("'", "''") + "'")
        .collect(Collectors.joining(", ")) + "]::text[]";
  }
}
