package vn.khcn.workflow.signature;

import java.time.Instant;
import java.util.List;

/**
 * What verifying one signature of a PDF found: the verdict, who signed (CN), for which
 * organisation (O), the issuing CA, when (the time the signature claims), whether it covers the
 * whole file, what revocation checking said and the reasons behind the verdict, in Vietnamese.
 */
public record SignatureCheck(SignatureStatus status, String statusLabel, String signer,
    String organisation, String issuer, Instant signedAt, boolean wholeDocument, String revocation,
    List<String> reasons) {

  public SignatureCheck {
    reasons = List.copyOf(reasons);
  }

  static SignatureCheck of(SignatureStatus status, String signer, String organisation,
      String issuer, Instant signedAt, boolean wholeDocument, String revocation,
      List<String> reasons) {
    return new SignatureCheck(status, status.label(), signer, organisation, issuer, signedAt,
        wholeDocument, revocation, reasons);
  }

  /** One line for the trail: "Chữ ký số hợp lệ: Nguyễn Văn A (Sở KH&CN) – lý do". */
  public String summary() {
    StringBuilder text = new StringBuilder(statusLabel);
    if (signer != null) {
      text.append(": ").append(signer);
      if (organisation != null) {
        text.append(" (").append(organisation).append(')');
      }
    }
    if (!reasons.isEmpty()) {
      text.append(" – ").append(String.join("; ", reasons));
    }
    text.append(" – ").append(revocation);
    return text.toString();
  }
}
