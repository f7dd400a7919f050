package vn.khcn.workflow.research;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.RepositoryService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.khcn.workflow.shared.web.ApiError.FieldError;
import vn.khcn.workflow.shared.web.ConflictException;
import vn.khcn.workflow.shared.web.InvalidInputException;
import vn.khcn.workflow.shared.web.NotFoundException;
import vn.khcn.workflow.shared.web.UploadedFiles;

/**
 * The rules regimes (ADR 0022): stored in table {@code rules_regime}, deployed from
 * {@code processes/research-rules/*.json} at start-up or uploaded by an administrator, cached here.
 * The regime in force on a day is the one with the latest {@code effectiveFrom} not after it; a
 * research task is bound to one and keeps it.
 */
@Service
class RuleRegimes {

  /** What a deployment did with one file. */
  enum Outcome { DEPLOYED, REPLACED, AMENDED, UNCHANGED }

  private final RuleRegimeRepository records;
  private final ResearchTaskRepository tasks;
  private final RepositoryService repositoryService;
  private volatile List<RuleRegime> cache = List.of();

  RuleRegimes(RuleRegimeRepository records, ResearchTaskRepository tasks,
      RepositoryService repositoryService) {
    this.records = records;
    this.tasks = tasks;
    this.repositoryService = repositoryService;
  }

  /** A regime of fixed content, for tests and tools without a database. */
  static RuleRegimes of(RuleRegime... regimes) {
    RuleRegimes fixed = new RuleRegimes(null, null, null);
    fixed.cache = sorted(List.of(regimes));
    return fixed;
  }

  /**
   * Validates and stores one regime file. The same content again changes nothing; other content
   * under a code no task is bound to replaces it; under a code a task is bound to it is refused
   * (409: publish a new code), so a running task's numbers never change.
   */
  @Transactional
  public Outcome deploy(byte[] content, String by, java.time.Instant at) {
    RuleRegime regime = RuleRegimeParser.parse(content);
    List<FieldError> problems = new ArrayList<>();
    for (Map.Entry<String, String> decision : regime.decisions().entrySet()) {
      long found = repositoryService.createDecisionDefinitionQuery()
          .decisionDefinitionKey(decision.getKey()).versionTag(decision.getValue()).count();
      if (found == 0) {
        problems.add(new FieldError("decisions." + decision.getKey(), "chưa có bảng quyết định "
            + decision.getKey() + " với versionTag \"" + decision.getValue() + "\""));
      }
    }
    if (!problems.isEmpty()) {
      throw new InvalidInputException(problems);
    }
    String text = new String(content, StandardCharsets.UTF_8);
    String sha = UploadedFiles.sha256(content);
    Optional<RuleRegimeRecord> existing = records.findById(regime.code());
    Outcome outcome;
    if (existing.isEmpty()) {
      records.save(new RuleRegimeRecord(regime.code(), regime.effectiveFrom(), text, sha, by, at));
      outcome = Outcome.DEPLOYED;
    } else if (existing.get().getSha256().equals(sha)) {
      outcome = Outcome.UNCHANGED;
    } else {
      long bound = tasks.countByRulesRegime(regime.code());
      RuleRegime stored = RuleRegimeParser.parse(existing.get().getContent()
          .getBytes(StandardCharsets.UTF_8));
      boolean addsRefund = stored.refund() == null && regime.refund() != null
          && stored.equals(regime.withoutRefund());
      if (bound > 0 && addsRefund) {
        // the one amendment of a bound regime: a refund rule it lacked; no number a bound task
        // has read changes (ADR 0030)
        existing.get().replace(regime.effectiveFrom(), text, sha, by, at);
        outcome = Outcome.AMENDED;
      } else if (bound > 0) {
        throw new ConflictException("Bộ quy định " + regime.code() + " đang áp dụng cho " + bound
            + " nhiệm vụ nên không được sửa; hãy phát hành bộ quy định mới với mã khác",
            Map.<String, Object>of("code", regime.code(), "boundTasks", bound));
      } else {
        existing.get().replace(regime.effectiveFrom(), text, sha, by, at);
        outcome = Outcome.REPLACED;
      }
    }
    if (outcome != Outcome.UNCHANGED) {
      records.flush();
      reload();
    }
    return outcome;
  }

  /** Reads every stored regime into the cache. */
  @Transactional(readOnly = true)
  public void reload() {
    List<RuleRegime> loaded = new ArrayList<>();
    for (RuleRegimeRecord record : records.findAllByOrderByEffectiveFromAsc()) {
      loaded.add(RuleRegimeParser.parse(record.getContent().getBytes(StandardCharsets.UTF_8)));
    }
    cache = sorted(loaded);
  }

  List<RuleRegime> all() {
    return cache;
  }

  RuleRegime byCode(String code) {
    Optional<RuleRegime> found = find(code);
    if (found.isEmpty() && records != null) {
      reload();
      found = find(code);
    }
    return found.orElseThrow(() -> new NotFoundException("Không có bộ quy định " + code));
  }

  /**
   * The regime in force on {@code day}: the latest effectiveFrom not after it; a day before every
   * regime takes the earliest (the oldest rules the Department applies).
   */
  RuleRegime inForce(LocalDate day) {
    List<RuleRegime> regimes = cache;
    if (regimes.isEmpty() && records != null) {
      reload();
      regimes = cache;
    }
    if (regimes.isEmpty()) {
      throw new IllegalStateException("No research rules regime is deployed (processes/"
          + "research-rules/*.json)");
    }
    RuleRegime chosen = regimes.get(0);
    for (RuleRegime regime : regimes) {
      if (!regime.effectiveFrom().isAfter(day)) {
        chosen = regime;
      }
    }
    return chosen;
  }

  /** The task's regime: the one it is bound to, else the one in force when it was submitted. */
  RuleRegime of(ResearchTask task, java.time.ZoneId zone) {
    return task.getRulesRegime() != null ? byCode(task.getRulesRegime())
        : inForce(task.getSubmittedAt().atZone(zone).toLocalDate());
  }

  private Optional<RuleRegime> find(String code) {
    return cache.stream().filter(r -> r.code().equals(code)).findFirst();
  }

  private static List<RuleRegime> sorted(List<RuleRegime> regimes) {
    return regimes.stream().sorted(Comparator.comparing(RuleRegime::effectiveFrom)).toList();
  }
}
