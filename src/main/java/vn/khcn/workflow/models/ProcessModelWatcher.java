package vn.khcn.workflow.models;

import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Watches processes/ while the application runs: when a model file is added or changed it is
 * validated and, if it differs from the deployed version, deployed as a new version within
 * seconds. A removed file deletes nothing: running instances keep their version. A refused model
 * is logged and kept in the model history; the previous versions stay in use.
 */
@Component
@ConditionalOnProperty(name = "khcn.processes.watch", havingValue = "true", matchIfMissing = true)
class ProcessModelWatcher {

  private static final Logger LOG = LoggerFactory.getLogger(ProcessModelWatcher.class);

  private final ProcessModelDeployer deployer;
  private Map<String, String> lastSeen;

  ProcessModelWatcher(ProcessModelDeployer deployer) {
    this.deployer = deployer;
  }

  @Scheduled(initialDelayString = "${khcn.processes.poll-interval:PT3S}",
      fixedDelayString = "${khcn.processes.poll-interval:PT3S}")
  void poll() {
    Map<String, String> now = deployer.fingerprint();
    if (lastSeen == null) {
      lastSeen = now; // the start-up deployment covered what is there
      return;
    }
    if (now.equals(lastSeen)) {
      return;
    }
    boolean onlyRemoved = lastSeen.keySet().containsAll(now.keySet())
        && now.entrySet().stream().allMatch(e -> e.getValue().equals(lastSeen.get(e.getKey())));
    lastSeen = now;
    if (onlyRemoved) {
      LOG.info("Model files removed from {}; deployed versions and running work are kept",
          deployer.directory());
      return;
    }
    try {
      deployer.deployDirectory(ModelDeployment.Channel.WATCHER);
    } catch (ModelRefusedException refused) {
      LOG.error("{}", refused.getMessage());
    } catch (RuntimeException e) {
      LOG.error("Deploying changed models from {} failed", deployer.directory(), e);
    }
  }
}
