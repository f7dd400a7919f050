package vn.khcn.workflow.shared.process;

import javax.xml.datatype.DatatypeConfigurationException;
import javax.xml.datatype.DatatypeFactory;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEnginePlugin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The XML datatype factory looked up once (ADR 0041). Camunda reads every timer's date, duration
 * or cycle through a {@code DurationHelper} that asks {@link DatatypeFactory#newInstance()} each
 * time; without the system property {@value DatatypeFactory#DATATYPEFACTORY_PROPERTY} the JDK
 * then searches every jar of the class path for a service provider, finds none and falls back to
 * its own factory. Each registration creates the direction's reminder and overdue timers, and
 * the search took about 6 % of a registration's JVM samples. The property is set,
 * before the engine starts, to the class that search returns now, so every later look-up takes
 * the same factory directly; a property an operator set is left alone.
 */
@Configuration(proxyBeanMethods = false)
class DatatypeFactoryLookup {

  private static final Logger log = LoggerFactory.getLogger(DatatypeFactoryLookup.class);

  @Bean
  ProcessEnginePlugin datatypeFactoryLookedUpOnce() {
    return new AbstractProcessEnginePlugin() {
      @Override
      public void preInit(ProcessEngineConfigurationImpl configuration) {
        pin();
      }
    };
  }

  /** Sets the property to the factory the JDK finds now, unless it is set; returns its value. */
  static String pin() {
    String property = DatatypeFactory.DATATYPEFACTORY_PROPERTY;
    String set = System.getProperty(property);
    if (set != null) {
      return set;
    }
    try {
      String found = DatatypeFactory.newInstance().getClass().getName();
      System.setProperty(property, found);
      log.info("XML datatype factory for the engine's timers: {}", found);
      return found;
    } catch (DatatypeConfigurationException e) {
      // the engine's timers would fail the same way; it says so where a timer is created
      log.warn("No XML datatype factory: {}", e.getMessage());
      return null;
    }
  }
}
