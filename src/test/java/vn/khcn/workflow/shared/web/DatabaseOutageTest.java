package vn.khcn.workflow.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.CannotCreateTransactionException;

class DatabaseOutageTest {

  @Test
  void connectionFailuresAnywhereInTheChainAreOutages() {
    assertThat(DatabaseOutage.isOutage(new CannotCreateTransactionException("pool"))).isTrue();
    assertThat(DatabaseOutage.isOutage(new ProcessEngineException("engine",
        new SQLException("refused", "08001")))).isTrue();
    assertThat(DatabaseOutage.isOutage(new RuntimeException(
        new SQLException("terminating connection due to administrator command", "57P01"))))
        .isTrue();
  }

  @Test
  void otherDatabaseErrorsAreNot() {
    assertThat(DatabaseOutage.isOutage(new ProcessEngineException("engine",
        new SQLException("duplicate key", "23505")))).isFalse();
    assertThat(DatabaseOutage.isOutage(new IllegalStateException("x"))).isFalse();
  }

  @Test
  void theFilterAnswersAnOutageInsideTheChainWith503() throws Exception {
    var request = new org.springframework.mock.web.MockHttpServletRequest("GET", "/api/inbox");
    var response = new org.springframework.mock.web.MockHttpServletResponse();
    new DatabaseOutageFilter().doFilter(request, response, (req, res) -> {
      throw new org.springframework.security.authentication.InternalAuthenticationServiceException(
          "password check", new CannotCreateTransactionException("pool"));
    });
    assertThat(response.getStatus()).isEqualTo(503);
    assertThat(response.getContentAsString(java.nio.charset.StandardCharsets.UTF_8))
        .contains(DatabaseOutage.MESSAGE).doesNotContain("Exception");
  }

  @Test
  void theFilterLetsOtherFailuresThrough() {
    var request = new org.springframework.mock.web.MockHttpServletRequest("GET", "/api/inbox");
    var response = new org.springframework.mock.web.MockHttpServletResponse();
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> new DatabaseOutageFilter().doFilter(
        request, response, (req, res) -> {
          throw new IllegalStateException("bug");
        })).isInstanceOf(IllegalStateException.class);
  }
}
