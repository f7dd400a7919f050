package vn.khcn.workflow.security;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletRegistration;
import java.util.Map;
import org.camunda.bpm.spring.boot.starter.property.CamundaBpmProperties;
import org.glassfish.jersey.servlet.ServletContainer;
import org.junit.jupiter.api.Test;

class WebappEngineApiProvidersTest {

  final CamundaBpmProperties properties = new CamundaBpmProperties();
  final ServletContext context = mock(ServletContext.class);

  @Test
  void theStartersServletGetsOurMappers() {
    ServletRegistration registered = mock(ServletRegistration.class);
    when(context.getServletRegistration("Engine Api")).thenReturn(registered);

    new WebappEngineApiProviders(properties).onStartup(context);

    verify(registered).setInitParameter("jersey.config.server.provider.classnames",
        WebappEngineApiProviders.PROVIDERS);
    verify(context, never()).addServlet(anyString(), any(Class.class));
  }

  @Test
  void registeredFirstItIsTheStartersServletWithOurMappers() {
    ServletRegistration.Dynamic added = mock(ServletRegistration.Dynamic.class);
    when(context.addServlet("Engine Api", ServletContainer.class)).thenReturn(added);

    new WebappEngineApiProviders(properties).onStartup(context);

    verify(added).addMapping("/camunda/api/engine/*");
    verify(added).setInitParameters(Map.of("jakarta.ws.rs.Application",
        "org.camunda.bpm.webapp.impl.engine.EngineRestApplication"));
    verify(added).setInitParameter("jersey.config.server.provider.classnames",
        WebappEngineApiProviders.PROVIDERS);
  }
}
