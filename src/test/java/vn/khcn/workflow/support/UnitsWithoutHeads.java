package vn.khcn.workflow.support;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.test.context.junit.jupiter.SpringExtension;
import vn.khcn.workflow.identity.UnitLeaders;

/**
 * {@code @ExtendWith(UnitsWithoutHeads.class)} on a Spring test of the units' group task: before
 * each test every unit loses its leaders (so its work is today's group task, as for a unit without
 * a head), after it the demo leaders are back for the other tests sharing the context.
 */
public final class UnitsWithoutHeads implements BeforeEachCallback, AfterEachCallback {

  @Override
  public void beforeEach(ExtensionContext context) {
    UnitLeadersFixture.withoutLeaders(leaders(context));
  }

  @Override
  public void afterEach(ExtensionContext context) {
    UnitLeadersFixture.demoLeaders(leaders(context));
  }

  private static UnitLeaders leaders(ExtensionContext context) {
    return SpringExtension.getApplicationContext(context).getBean(UnitLeaders.class);
  }
}
