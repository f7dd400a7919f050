package vn.khcn.workflow.models;

import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** The model history: every deployment attempt, kept in its own transaction so refusals stay. */
@Service
public class ModelHistory {

  private final ModelDeploymentRepository entries;
  private final Clock clock;

  ModelHistory(ModelDeploymentRepository entries, Clock clock) {
    this.entries = entries;
    this.clock = clock;
  }

  @Transactional(propagation = Propagation.REQUIRES_NEW)
  public ModelDeployment record(String actor, ModelDeployment.Channel channel,
      Collection<String> resources, ModelDeployment.Result result, String deploymentId,
      List<ModelProblem> problems) {
    return entries.save(new ModelDeployment(clock.instant(), actor, channel,
        String.join(", ", resources), result, deploymentId,
        problems == null || problems.isEmpty() ? null
            : problems.stream().map(ModelProblem::toString).collect(Collectors.joining("\n"))));
  }

  @Transactional(readOnly = true)
  public List<ModelDeployment> latest(int count) {
    return entries.findAll(PageRequest.of(0, count, Sort.by(Sort.Order.desc("attemptedAt"),
        Sort.Order.desc("id")))).getContent();
  }
}
