package vn.khcn.workflow.intake;

import java.util.Map;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/intake/accuracy} (registry clerks and administrators): how intake's proposals
 * fare in real use, from the correction log. Per field and per source: how many proposals were
 * registered, how many the clerk corrected, how many were kept; and over how many registrations.
 */
@RestController
class IntakeAccuracyController {

  private final IntakeProposals proposals;

  IntakeAccuracyController(IntakeProposals proposals) {
    this.proposals = proposals;
  }

  @GetMapping("/api/intake/accuracy")
  @PreAuthorize("hasAnyAuthority('van-thu', 'camunda-admin')")
  Map<String, Object> accuracy() {
    return proposals.accuracy();
  }
}
