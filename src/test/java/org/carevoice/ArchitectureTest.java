package org.carevoice;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.simpleNameEndingWith;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.junit.jupiter.api.Test;
import org.springframework.data.repository.Repository;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RestController;

/** Package by feature, and the naming habits of STYLE.md, enforced. */
class ArchitectureTest {

  private static final JavaClasses CLASSES = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("org.carevoice");

  @Test
  void featurePackagesHaveNoCycles() {
    slices().matching("org.carevoice.(*)..").should().beFreeOfCycles().check(CLASSES);
  }

  @Test
  void nothingDependsOnThePublicApi() {
    noClasses().that().resideOutsideOfPackage("org.carevoice.publicapi..")
        .should().dependOnClassesThat().resideInAPackage("org.carevoice.publicapi..").check(CLASSES);
  }

  @Test
  void repositoriesArePrivateToTheirFeature() {
    classes().that().areAssignableTo(Repository.class).should().haveSimpleNameEndingWith("Repository")
        .andShould().notBePublic().check(CLASSES);
    for (String feature : new String[] {"story", "organisation", "response", "notification"}) {
      noClasses().that().resideOutsideOfPackage("org.carevoice." + feature + "..")
          .should().dependOnClassesThat(resideInAPackage("org.carevoice." + feature + "..")
              .and(simpleNameEndingWith("Repository")))
          .check(CLASSES);
    }
  }

  @Test
  void delegatesListenersAndControllersAreNamedForWhatTheyAre() {
    classes().that().implement(JavaDelegate.class).should().haveSimpleNameEndingWith("Delegate").check(CLASSES);
    classes().that().implement(TaskListener.class).should().haveSimpleNameEndingWith("Listener").check(CLASSES);
    classes().that().areAnnotatedWith(Controller.class).or().areAnnotatedWith(RestController.class)
        .should().haveSimpleNameEndingWith("Controller").check(CLASSES);
  }

  @Test
  void onlyProcessFacadesTalkToTheRuntimeService() {
    noClasses().that().haveSimpleNameEndingWith("Controller").should().dependOnClassesThat()
        .resideInAPackage("org.camunda.bpm.engine").check(CLASSES);
    noClasses().that().haveSimpleNameNotEndingWith("Lifecycle")
        .should().dependOnClassesThat().areAssignableTo(RuntimeService.class).check(CLASSES);
  }
}
