package vn.khcn.workflow.dispatch;

import java.util.List;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.springframework.stereotype.Component;
import vn.khcn.workflow.identity.FeatureAuthorizations;
import vn.khcn.workflow.identity.Groups;

/**
 * van-thu starts incoming-directive as the logged-in clerk (registration), so it needs
 * CREATE_INSTANCE on the definition and CREATE on PROCESS_INSTANCE; nobody else does.
 */
@Component
class DispatchAuthorizations implements FeatureAuthorizations {

  @Override
  public List<Grant> grants() {
    return List.of(
        Grant.of(Groups.VAN_THU, Resources.PROCESS_DEFINITION, IncomingDirectiveProcess.KEY,
            Permissions.CREATE_INSTANCE),
        Grant.of(Groups.VAN_THU, Resources.PROCESS_INSTANCE, "*", Permissions.CREATE));
  }
}
