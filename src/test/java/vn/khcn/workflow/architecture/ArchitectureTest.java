package vn.khcn.workflow.architecture;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.CaseService;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.ExternalTaskService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import vn.khcn.workflow.shared.process.ProcessDescriptor;
import vn.khcn.workflow.shared.process.WorkflowStep;

/**
 * The package-by-feature rules of DEVELOPERS.md and ADR 0002, checked on the main classes. A
 * feature is a direct sub-package of {@code vn.khcn.workflow} (dispatch, research, inbox, models,
 * identity, calendar, notify, security, shared).
 */
@AnalyzeClasses(packages = "vn.khcn.workflow", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

  static final String ROOT = "vn.khcn.workflow";
  static final String SHARED = ROOT + ".shared..";

  /** Features may depend on each other in one direction only. */
  @ArchTest
  static final ArchRule noCyclesBetweenFeatures = slices().matching(ROOT + ".(*)..")
      .as("features of " + ROOT)
      .should().beFreeOfCycles();

  /** shared is what every feature may use; it knows none of them. */
  @ArchTest
  static final ArchRule sharedDependsOnNoFeature = noClasses().that().resideInAPackage(SHARED)
      .should().dependOnClassesThat(resideInAPackage(ROOT + "..")
          .and(not(resideInAPackage(SHARED))))
      .because("shared is the base of every feature and must not know any of them");

  /**
   * A bean a model may call is a class nested in {@code <Descriptor>Adapters}, the holder named
   * after the process descriptor of the same package (IncomingDirectiveProcess →
   * IncomingDirectiveProcessAdapters): from a BPMN bean name the adapter is one file away.
   */
  @ArchTest
  static final ArchRule workflowStepsLiveInTheirProcessAdapters = classes()
      .that().areAnnotatedWith(WorkflowStep.class)
      // the models' delegates and listeners; an expression bean for Tasklist filters
      // (calendar.TasklistDueDates) is a @WorkflowStep without being a model's step
      .and(com.tngtech.archunit.core.domain.JavaClass.Predicates
          .assignableTo(org.camunda.bpm.engine.delegate.JavaDelegate.class)
          .or(com.tngtech.archunit.core.domain.JavaClass.Predicates
              .assignableTo(org.camunda.bpm.engine.delegate.TaskListener.class))
          .or(com.tngtech.archunit.core.domain.JavaClass.Predicates
              .assignableTo(org.camunda.bpm.engine.delegate.ExecutionListener.class)))
      .should(beNestedInTheAdaptersOfAProcessDescriptor())
      .andShould().beAnnotatedWith(org.springframework.stereotype.Component.class);

  /** @WorkflowStep marks classes only: no bean factory methods to search for. */
  @ArchTest
  static final ArchRule noWorkflowStepFactoryMethods = methods()
      .should().notBeAnnotatedWith(WorkflowStep.class)
      .because("a model's bean is a @WorkflowStep @Component class nested in its process adapters");

  /**
   * Step services hold the domain logic a process step runs; the adapters read and write process
   * variables. The engine's services stay out of the step services.
   */
  @ArchTest
  static final ArchRule stepServicesUseNoEngineServices = noClasses()
      .that().haveSimpleNameEndingWith("Steps").and().resideInAPackage(ROOT + "..")
      .should().dependOnClassesThat().belongToAnyOf(ProcessEngine.class, RuntimeService.class,
          TaskService.class, RepositoryService.class, HistoryService.class,
          ManagementService.class, FormService.class, IdentityService.class,
          AuthorizationService.class, DecisionService.class, FilterService.class,
          ExternalTaskService.class, CaseService.class)
      .allowEmptyShould(true)
      .because("a *Steps service is domain logic a process step calls, not engine plumbing");

  private static ArchCondition<JavaClass> beNestedInTheAdaptersOfAProcessDescriptor() {
    return new ArchCondition<>("be nested in <Descriptor>Adapters of a ProcessDescriptor "
        + "in the same package") {
      @Override
      public void check(JavaClass step, ConditionEvents events) {
        JavaClass holder = step.getEnclosingClass().orElse(null);
        boolean ok = false;
        if (holder != null && holder.getSimpleName().endsWith("Adapters")) {
          String descriptorName = holder.getPackageName() + "."
              + holder.getSimpleName().substring(0,
                  holder.getSimpleName().length() - "Adapters".length());
          ok = holder.getPackage().getClasses().stream()
              .anyMatch(c -> c.getName().equals(descriptorName)
                  && c.isAssignableTo(ProcessDescriptor.class));
        }
        events.add(new SimpleConditionEvent(step, ok, step.getName()
            + (ok ? " is" : " is not") + " nested in the adapters of a process descriptor"));
      }
    };
  }
}
