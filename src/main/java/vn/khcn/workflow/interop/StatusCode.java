package vn.khcn.workflow.interop;

import java.util.Arrays;

/**
 * Status codes of edXML status messages (QCVN 102:2016/BTTTT as amended by Circular
 * 01/2022/TT-BTTTT) that this Department sends or understands.
 */
enum StatusCode {
  RECEIVED("01", "Đã đến"),
  REFUSED("02", "Từ chối tiếp nhận"),
  REGISTERED("03", "Đã tiếp nhận, vào sổ"),
  ASSIGNED("04", "Đã phân công"),
  IN_PROGRESS("05", "Đang xử lý"),
  DONE("06", "Hoàn thành"),
  RECALL_REQUESTED("13", "Đề nghị thu hồi"),
  RECALL_ACCEPTED("15", "Đồng ý thu hồi"),
  RECALL_REFUSED("16", "Từ chối thu hồi");

  private final String code;
  private final String label;

  StatusCode(String code, String label) {
    this.code = code;
    this.label = label;
  }

  String code() {
    return code;
  }

  String label() {
    return label;
  }

  /** The code as written in a message ("01"); null when it is none of ours. */
  static StatusCode of(String code) {
    return Arrays.stream(values()).filter(c -> c.code.equals(code)).findFirst().orElse(null);
  }
}
