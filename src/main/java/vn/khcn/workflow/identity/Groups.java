package vn.khcn.workflow.identity;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Department's groups (domain.md, "The organisation"). Group ids are the contract shared by
 * BPMN candidate groups, Camunda authorizations and Spring Security authorities.
 */
public final class Groups {

  public static final String LANH_DAO = "lanh-dao";
  public static final String VAN_THU = "van-thu";
  public static final String VAN_PHONG = "van-phong";
  public static final String PHONG_QLKH = "phong-qlkh";
  public static final String PHONG_KHTC = "phong-khtc";
  public static final String PHONG_QLCN = "phong-qlcn";
  public static final String HOI_DONG = "hoi-dong";
  public static final String CHU_NHIEM = "chu-nhiem";
  public static final String CAMUNDA_ADMIN = "camunda-admin";

  /** Vietnamese display names, in the order people expect to see them. */
  public static final Map<String, String> NAMES;

  static {
    Map<String, String> names = new LinkedHashMap<>();
    names.put(LANH_DAO, "Lãnh đạo Sở");
    names.put(VAN_THU, "Văn thư");
    names.put(VAN_PHONG, "Văn phòng Sở");
    names.put(PHONG_QLKH, "Phòng Quản lý khoa học");
    names.put(PHONG_KHTC, "Phòng Kế hoạch – Tài chính");
    names.put(PHONG_QLCN, "Phòng Quản lý công nghệ");
    names.put(HOI_DONG, "Hội đồng khoa học");
    names.put(CHU_NHIEM, "Chủ nhiệm đề tài");
    names.put(CAMUNDA_ADMIN, "Quản trị hệ thống");
    NAMES = java.util.Collections.unmodifiableMap(names);
  }

  /** Units that a director can assign an incoming document to (lead, co-ordinating or informed). */
  public static final List<String> UNITS = List.of(VAN_PHONG, PHONG_QLKH, PHONG_KHTC, PHONG_QLCN);

  /** The Department's own staff: everyone inside the Department (not councils or investigators). */
  public static final List<String> STAFF =
      List.of(LANH_DAO, VAN_THU, VAN_PHONG, PHONG_QLKH, PHONG_KHTC, PHONG_QLCN);

  /** Every working group that uses Tasklist (everyone but administrators). */
  public static final List<String> WORKING =
      List.of(LANH_DAO, VAN_THU, VAN_PHONG, PHONG_QLKH, PHONG_KHTC, PHONG_QLCN, HOI_DONG, CHU_NHIEM);

  /** All groups, administrators included. */
  public static final List<String> ALL =
      List.of(LANH_DAO, VAN_THU, VAN_PHONG, PHONG_QLKH, PHONG_KHTC, PHONG_QLCN, HOI_DONG, CHU_NHIEM,
          CAMUNDA_ADMIN);

  public static boolean isUnit(String groupId) {
    return UNITS.contains(groupId);
  }

  public static String nameOf(String groupId) {
    return NAMES.getOrDefault(groupId, groupId);
  }

  private Groups() {}
}
