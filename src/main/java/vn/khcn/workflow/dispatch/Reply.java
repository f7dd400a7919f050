package vn.khcn.workflow.dispatch;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The outgoing document that answers a unit's duty (số và ngày văn bản trả lời, the tracking
 * register's column): both given, or neither.
 */
record Reply(String number, LocalDate date) {

  static final int MAX_NUMBER_LENGTH = 100;

  Reply {
    number = number == null || number.isBlank() ? null : number.strip();
  }

  boolean isGiven() {
    return number != null;
  }

  /** "Văn bản trả lời số 45/SKHCN-QLKH ngày 05/12/2026", as the trail and the papers read it. */
  String label() {
    return "Văn bản trả lời số " + number + " ngày " + DocumentFormats.date(date);
  }

  /** What is wrong, each naming its field in Vietnamese; empty when fine. */
  List<String> problems(LocalDate receivedOn, LocalDate today) {
    List<String> problems = new ArrayList<>();
    if (number != null && number.length() > MAX_NUMBER_LENGTH) {
      problems.add("replyNumber: số, ký hiệu văn bản trả lời dài quá " + MAX_NUMBER_LENGTH
          + " ký tự");
    }
    if (number != null && date == null) {
      problems.add("replyDate: chưa nhập ngày của văn bản trả lời");
    }
    if (number == null && date != null) {
      problems.add("replyNumber: chưa nhập số, ký hiệu của văn bản trả lời");
    }
    if (date != null && date.isAfter(today)) {
      problems.add("replyDate: ngày văn bản trả lời sau ngày hôm nay");
    }
    if (date != null && receivedOn != null && date.isBefore(receivedOn)) {
      problems.add("replyDate: ngày văn bản trả lời trước ngày đến của văn bản");
    }
    return problems;
  }
}
