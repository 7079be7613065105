package org.carevoice.system;

import java.util.ArrayList;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEnginePlugin;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** How Carevoice configures the embedded Camunda engine, beyond application.yaml. */
@Configuration(proxyBeanMethods = false)
class EngineConfiguration {

  @Bean
  ModelDeployer modelDeployer() {
    return new ModelDeployer();
  }

  /**
   * Registers the history level that keeps display-only variables out of history and the
   * serializer for long strings, and deploys the models. First, before any timer or email, names
   * the implementations of two factories that would otherwise search the class path at every use
   * ({@link KnownImplementations}).
   */
  @Bean
  ProcessEnginePlugin carevoiceEnginePlugin(ModelDeployer modelDeployer) {
    return new AbstractProcessEnginePlugin() {
      @Override
      public void preInit(ProcessEngineConfigurationImpl configuration) {
        KnownImplementations.name(EngineConfiguration.class.getClassLoader());
        if (configuration.getCustomHistoryLevels() == null) {
          configuration.setCustomHistoryLevels(new ArrayList<>());
        }
        configuration.getCustomHistoryLevels().add(new CarevoiceHistoryLevel());
        if (configuration.getCustomPreVariableSerializers() == null) {
          configuration.setCustomPreVariableSerializers(new ArrayList<>());
        }
        configuration.getCustomPreVariableSerializers().add(new LongStringValueSerializer());
        // Decision tables' FEEL expressions parsed once, not at every evaluation.
        if (configuration.getDmnEngineConfiguration() == null) {
          configuration.setDmnEngineConfiguration(
              (DefaultDmnEngineConfiguration) DmnEngineConfiguration.createDefaultDmnEngineConfiguration());
        }
        configuration.getDmnEngineConfiguration().setFeelEngineFactory(CachingFeelEngine.factory());
      }

      @Override
      public void postProcessEngineBuild(ProcessEngine processEngine) {
        modelDeployer.deploy(processEngine);
      }
    };
  }

  /** Job acquisition reads the due jobs through an index, not every timer of every open case. */
  @Bean
  ProcessEnginePlugin jobAcquisitionByDueDate() {
    return new JobAcquisitionByDueDate();
  }
}
