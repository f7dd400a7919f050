package vn.khcn.workflow.signature;

import javax.security.auth.x500.X500Principal;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1String;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;

/** The common name (CN) and organisation (O) of a certificate's subject or issuer, as written. */
record Names(String commonName, String organisation) {

  static Names of(X500Principal principal) {
    X500Name name = X500Name.getInstance(principal.getEncoded());
    return new Names(first(name, BCStyle.CN), first(name, BCStyle.O));
  }

  /** The common name, else the organisation, else "?" . */
  String display() {
    return commonName != null ? commonName : organisation != null ? organisation : "?";
  }

  private static String first(X500Name name, ASN1ObjectIdentifier type) {
    RDN[] rdns = name.getRDNs(type);
    if (rdns.length == 0 || rdns[0].getFirst() == null) {
      return null;
    }
    ASN1Encodable value = rdns[0].getFirst().getValue();
    return value instanceof ASN1String text ? text.getString() : value.toString();
  }
}
