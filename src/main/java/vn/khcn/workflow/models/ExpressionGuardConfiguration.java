package vn.khcn.workflow.models;

import java.beans.FeatureDescriptor;
import java.util.AbstractMap;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineServices;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEnginePlugin;
import org.camunda.bpm.engine.spring.SpringExpressionManager;
import org.camunda.bpm.impl.juel.jakarta.el.CompositeELResolver;
import org.camunda.bpm.impl.juel.jakarta.el.ELContext;
import org.camunda.bpm.impl.juel.jakarta.el.ELException;
import org.camunda.bpm.impl.juel.jakarta.el.ELResolver;
import org.camunda.bpm.impl.juel.jakarta.el.PropertyNotWritableException;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import vn.khcn.workflow.shared.process.WorkflowStep;

/**
 * The run-time half of the expression allow-list (ADR 0013), for models deployed before the
 * validator knew a rule, or past it: (a) expressions see only the {@link WorkflowStep} beans, not
 * the whole Spring context the starter would otherwise expose; (b) an EL resolver in front of
 * Camunda's refuses any {@code getClass()}, any member of classes, class loaders, reflection,
 * threads, processes and the engine, and the engine accessors of executions and tasks; (c) a step
 * bean's name is the bean before it is a variable (ADR 0045): a process variable cannot stand in
 * for a step, and naming a step does not load every variable of the task's scopes. The engine
 * configuration class is Camunda's impl API, but {@code setBeans}/{@code setExpressionManager}
 * in a {@link ProcessEnginePlugin} are its documented extension points; JUEL's resolver classes
 * are the ones Camunda's expression manager itself is built from.
 */
@Configuration(proxyBeanMethods = false)
class ExpressionGuardConfiguration {

  /** Methods no expression may call, whatever the object. */
  static final Set<String> FORBIDDEN_METHODS = Set.of("getClass", "getProcessEngineServices",
      "getProcessEngine", "getClassLoader", "getContextClassLoader", "forName", "loadClass",
      "newInstance", "getRuntime", "exec", "invoke");
  /** Properties no expression may read or write, whatever the object. */
  static final Set<String> FORBIDDEN_PROPERTIES = Set.of("class", "processEngineServices",
      "processEngine", "classLoader", "contextClassLoader", "runtime");
  /** Objects no expression may touch at all. */
  private static final Class<?>[] FORBIDDEN_TYPES = {Class.class, ClassLoader.class,
      Runtime.class, ProcessBuilder.class, Process.class, Thread.class, ThreadGroup.class,
      System.class, Module.class, ProcessEngine.class, ProcessEngineServices.class};

  @Bean
  ProcessEnginePlugin expressionAllowList(ApplicationContext context) {
    return new AbstractProcessEnginePlugin() {
      @Override
      public void preInit(ProcessEngineConfigurationImpl configuration) {
        Map<Object, Object> steps = new WorkflowStepBeans(context);
        configuration.setBeans(steps);
        configuration.setExpressionManager(new GuardedExpressionManager(context, steps));
      }
    };
  }

  /** Spring's expression manager with the guard in front of its resolvers. */
  static final class GuardedExpressionManager extends SpringExpressionManager {

    private final Map<Object, Object> steps;

    GuardedExpressionManager(ApplicationContext context, Map<Object, Object> beans) {
      super(context, beans);
      this.steps = beans;
    }

    @Override
    protected ELResolver createElResolver() {
      CompositeELResolver resolver = new CompositeELResolver();
      resolver.add(new GuardElResolver());
      resolver.add(new StepsFirstElResolver(steps));
      resolver.add(super.createElResolver());
      return resolver;
    }
  }

  /** A resolver that gives tools no list of the names it resolves (neither of ours needs one). */
  abstract static class NothingToListElResolver extends ELResolver {

    @Override
    public Iterator<FeatureDescriptor> getFeatureDescriptors(ELContext context, Object base) {
      return null;
    }

    @Override
    public Class<?> getCommonPropertyType(ELContext context, Object base) {
      return null;
    }
  }

  /**
   * Resolves a top-level name that is a step bean to the bean, before Camunda's variable resolver
   * asks every scope of the task or execution whether it holds a variable of that name (each
   * scope's variables one select); read-only, like Camunda's own resolver of beans.
   */
  static final class StepsFirstElResolver extends NothingToListElResolver {

    private final Map<Object, Object> steps;

    StepsFirstElResolver(Map<Object, Object> steps) {
      this.steps = steps;
    }

    private boolean step(Object base, Object property) {
      return base == null && steps.containsKey(property);
    }

    @Override
    public Object getValue(ELContext context, Object base, Object property) {
      if (!step(base, property)) {
        return null;
      }
      context.setPropertyResolved(true);
      return steps.get(property);
    }

    @Override
    public Class<?> getType(ELContext context, Object base, Object property) {
      if (!step(base, property)) {
        return null;
      }
      context.setPropertyResolved(true);
      return steps.get(property).getClass();
    }

    @Override
    public void setValue(ELContext context, Object base, Object property, Object value) {
      if (step(base, property)) {
        throw new PropertyNotWritableException("A workflow step cannot be replaced: " + property);
      }
    }

    @Override
    public boolean isReadOnly(ELContext context, Object base, Object property) {
      if (step(base, property)) {
        context.setPropertyResolved(true);
        return true;
      }
      return false;
    }
  }

  /** Refuses forbidden members; resolves nothing itself, so the others decide the rest. */
  static final class GuardElResolver extends NothingToListElResolver {

    @Override
    public Object getValue(ELContext context, Object base, Object property) {
      check(base, property, false);
      return null;
    }

    @Override
    public Object invoke(ELContext context, Object base, Object method, Class<?>[] paramTypes,
        Object[] params) {
      check(base, method, true);
      return null;
    }

    @Override
    public Class<?> getType(ELContext context, Object base, Object property) {
      check(base, property, false);
      return null;
    }

    @Override
    public void setValue(ELContext context, Object base, Object property, Object value) {
      check(base, property, false);
    }

    @Override
    public boolean isReadOnly(ELContext context, Object base, Object property) {
      check(base, property, false);
      return false;
    }

    static void check(Object base, Object member, boolean call) {
      if (base == null) {
        return; // a top-level identifier: variables and the allow-listed beans
      }
      String name = String.valueOf(member);
      boolean forbiddenMember = call ? FORBIDDEN_METHODS.contains(name)
          : FORBIDDEN_PROPERTIES.contains(name);
      if (forbiddenMember || forbiddenType(base)) {
        throw new ELException("Expression refused by the allow-list (ADR 0013): "
            + (call ? "call of " : "access to ") + name + " on "
            + base.getClass().getName());
      }
    }

    private static boolean forbiddenType(Object base) {
      Package pack = base.getClass().getPackage();
      String packageName = pack == null ? "" : pack.getName();
      return packageName.startsWith("java.lang.reflect")
          || packageName.startsWith("java.lang.invoke") || Arrays.stream(FORBIDDEN_TYPES).anyMatch(type -> type.isInstance(base));
    }
  }

  /**
   * The beans expressions may name: those marked {@link WorkflowStep}, looked up when first
   * needed (the engine is built before most of them exist) and fetched from the context on use.
   */
  static final class WorkflowStepBeans extends AbstractMap<Object, Object> {

    private final ApplicationContext context;
    private volatile Set<String> names;

    WorkflowStepBeans(ApplicationContext context) {
      this.context = context;
    }

    private Set<String> names() {
      Set<String> known = names;
      if (known == null) {
        known = Set.of(context.getBeanNamesForAnnotation(WorkflowStep.class));
        names = known;
      }
      return known;
    }

    @Override
    public boolean containsKey(Object key) {
      return key instanceof String name && names().contains(name);
    }

    @Override
    public Object get(Object key) {
      return containsKey(key) ? context.getBean((String) key) : null;
    }

    @Override
    public Set<Entry<Object, Object>> entrySet() {
      return names().stream()
          .map(name -> (Entry<Object, Object>) new SimpleImmutableEntry<Object, Object>(name,
              context.getBean(name)))
          .collect(Collectors.toUnmodifiableSet());
    }
  }
}
