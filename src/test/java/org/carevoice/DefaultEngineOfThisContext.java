package org.carevoice;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngines;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.TestContext;
import org.springframework.test.context.support.AbstractTestExecutionListener;

/**
 * Several Spring contexts live in one test JVM (Spring caches them), and Camunda keeps engines in
 * a static registry by name: the REST API and the webapps of every context serve the engine
 * registered as "default", which is the one of the context started last. Before each test class
 * runs, the engine of its own context is registered again under its name, so a cached context
 * reused after another one started talks to its own database again.
 */
public class DefaultEngineOfThisContext extends AbstractTestExecutionListener {

  @Override
  public void beforeTestClass(TestContext testContext) {
    if (!testContext.hasApplicationContext()) {
      return;
    }
    ApplicationContext context = testContext.getApplicationContext();
    context.getBeanProvider(ProcessEngine.class).ifAvailable(ProcessEngines::registerProcessEngine);
  }

  @Override
  public void prepareTestInstance(TestContext testContext) {
    beforeTestClass(testContext);
  }
}
