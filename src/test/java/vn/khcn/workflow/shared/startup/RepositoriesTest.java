package vn.khcn.workflow.shared.startup;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.repository.Repository;
import org.springframework.test.context.ActiveProfiles;

/**
 * Repositories are made on first use (ADR 0046), so a query Hibernate cannot parse no longer
 * stops the start: here every repository is made, each of its queries parsed and validated.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class RepositoriesTest {

  @Autowired ConfigurableApplicationContext context;

  @Test
  void everyRepositoryIsMadeOnFirstUseAndCanBeMade() {
    ConfigurableListableBeanFactory beans = context.getBeanFactory();
    String[] names = beans.getBeanNamesForType(Repository.class, true, false);
    assertThat(names).as("the application's repositories").hasSizeGreaterThan(40);
    assertThat(Arrays.stream(names).filter(n -> !beans.getBeanDefinition(n).isLazyInit()))
        .as("repositories made at start-up").isEmpty();
    for (String name : names) {
      assertThat(context.getBean(name)).as(name).isInstanceOf(Repository.class);
    }
  }
}
