package vn.khcn.workflow.security;

import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletRegistration;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.spring.boot.starter.property.CamundaBpmProperties;
import org.camunda.bpm.webapp.impl.engine.EngineRestApplication;
import org.glassfish.jersey.server.ServerProperties;
import org.glassfish.jersey.servlet.ServletContainer;
import org.springframework.boot.web.servlet.ServletContextInitializer;
import org.springframework.stereotype.Component;

/**
 * The webapps' engine API ({@code /camunda/api/engine}, where Tasklist completes tasks and
 * submits forms) answers with our exception mappers as {@code /engine-rest} does
 * ({@link EngineRestExceptionMappers}): a form refused by a listener is 400 naming the field, a
 * rule of the engine 403, a concurrent change 409, instead of Camunda's 500 for each. The starter
 * registers that Jersey servlet ("Engine Api") without a way to add providers; Jersey reads
 * extra provider classes from the servlet's {@code jersey.config.server.provider.classnames}
 * parameter, set here on the starter's registration, or on the same registration made here
 * first (the starter then keeps it: it registers a servlet of that name only when none exists).
 */
@Component
class WebappEngineApiProviders implements ServletContextInitializer {

  /** The servlet name and path the starter uses (CamundaBpmWebappInitializer). */
  static final String SERVLET = "Engine Api";
  static final String PATH = "/api/engine/*";

  static final String PROVIDERS = EngineRestExceptionMappers.ALL.stream().map(Class::getName)
      .collect(Collectors.joining(","));

  private final CamundaBpmProperties properties;

  WebappEngineApiProviders(CamundaBpmProperties properties) {
    this.properties = properties;
  }

  @Override
  public void onStartup(ServletContext servletContext) {
    ServletRegistration registration = servletContext.getServletRegistration(SERVLET);
    if (registration == null) {
      registration = servletContext.addServlet(SERVLET, ServletContainer.class);
      registration.addMapping(properties.getWebapp().getApplicationPath() + PATH);
      registration.setInitParameters(Map.of("jakarta.ws.rs.Application",
          EngineRestApplication.class.getName()));
    }
    registration.setInitParameter(ServerProperties.PROVIDER_CLASSNAMES, PROVIDERS);
  }
}
