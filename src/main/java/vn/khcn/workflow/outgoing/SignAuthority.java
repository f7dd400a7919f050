package vn.khcn.workflow.outgoing;

/**
 * The authority a signer signs with (Decree 30/2020 Art. 13, App. I): the head in his own name,
 * a deputy "KT." (ký thay) for his field, "TL." (thừa lệnh) by a unit head where the working rules
 * say so, "TUQ." (thừa ủy quyền) under a written, time- and scope-limited authorisation.
 */
enum SignAuthority {
  NONE(""),
  KT("KT."),
  TL("TL."),
  TUQ("TUQ.");

  private final String mark;

  SignAuthority(String mark) {
    this.mark = mark;
  }

  /** "KT." as written above the signer's position; empty for the head's own signature. */
  public String mark() {
    return mark;
  }

  /** The authority for a mark as people write it ("KT.", "KT", "" or null = own name). */
  static SignAuthority ofMark(String text) {
    if (text == null || text.isBlank()) {
      return NONE;
    }
    String t = text.strip().toUpperCase(java.util.Locale.ROOT);
    for (SignAuthority a : values()) {
      if (a != NONE && (a.mark.equals(t) || a.name().equals(t))) {
        return a;
      }
    }
    return null;
  }
}
