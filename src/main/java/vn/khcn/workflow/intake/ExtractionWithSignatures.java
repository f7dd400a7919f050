package vn.khcn.workflow.intake;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.util.List;
import vn.khcn.workflow.signature.SignatureCheck;

/**
 * The extract endpoint's answer: the {@link Extraction} as it is, plus {@code "signatures"}, one
 * check per PAdES signature of a PDF (empty for an unsigned file or another format; issue 16).
 */
record ExtractionWithSignatures(@JsonUnwrapped Extraction extraction,
    List<SignatureCheck> signatures) {}
