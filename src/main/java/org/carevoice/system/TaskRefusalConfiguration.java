package org.carevoice.system;

import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletRegistration;
import java.util.ArrayList;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEnginePlugin;
import org.camunda.bpm.spring.boot.starter.property.CamundaBpmProperties;
import org.glassfish.jersey.servlet.ServletContainer;
import org.glassfish.jersey.servlet.ServletProperties;
import org.springframework.boot.autoconfigure.jersey.ResourceConfigCustomizer;
import org.springframework.boot.web.servlet.ServletContextInitializer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * A task listener's refusal reaches the person readably, wherever they completed the task: the
 * engine lets {@link TaskInputException} out unwrapped and logs it at DEBUG, and both REST APIs
 * (the engine REST API at /engine-rest and the webapps' engine API that Tasklist calls) answer it
 * with 400 and its message. docs/security.md, "Moderators' edits".
 */
@Configuration(proxyBeanMethods = false)
class TaskRefusalConfiguration {

  /** The name under which Camunda's CamundaBpmWebappInitializer registers the webapps' engine API. */
  static final String WEBAPP_ENGINE_API = "Engine Api";

  @Bean
  ProcessEnginePlugin taskRefusalEnginePlugin(TaskRefusals refusals) {
    return new AbstractProcessEnginePlugin() {
      @Override
      public void preInit(ProcessEngineConfigurationImpl configuration) {
        if (configuration.getCustomPostCommandInterceptorsTxRequired() == null) {
          configuration.setCustomPostCommandInterceptorsTxRequired(new ArrayList<>());
        }
        configuration.getCustomPostCommandInterceptorsTxRequired().add(new TaskInputExceptionInterceptor(refusals));
        if (configuration.getCustomPostCommandInterceptorsTxRequiresNew() == null) {
          configuration.setCustomPostCommandInterceptorsTxRequiresNew(new ArrayList<>());
        }
        configuration.getCustomPostCommandInterceptorsTxRequiresNew().add(new TaskInputExceptionInterceptor(refusals));
      }
    };
  }

  /** /engine-rest: the Jersey application of Camunda's REST starter. */
  @Bean
  ResourceConfigCustomizer taskRefusalsInEngineRest() {
    return config -> config.register(TaskInputExceptionMapper.class);
  }

  /**
   * /camunda/api/engine: Camunda's webapp starter registers this servlet, under this name, unless
   * a servlet of the name exists. Registered first, with the same mapping and Camunda's application
   * plus the mapper. (A Jersey provider named in an init parameter is ignored for an application
   * class, so the application itself must list it.)
   */
  @Bean
  ServletContextInitializer taskRefusalsInWebappEngineApi(CamundaBpmProperties camunda) {
    return new WebappEngineApiRegistration(camunda.getWebapp().getApplicationPath());
  }

  /** Ordered first: before Camunda's initializer, which has no order (the lowest precedence). */
  record WebappEngineApiRegistration(String applicationPath) implements ServletContextInitializer, Ordered {

    @Override
    public void onStartup(ServletContext servletContext) {
      ServletRegistration.Dynamic engineApi = servletContext.addServlet(WEBAPP_ENGINE_API, ServletContainer.class);
      if (engineApi == null) {
        throw new IllegalStateException("The servlet '" + WEBAPP_ENGINE_API + "' is registered already");
      }
      engineApi.addMapping(applicationPath + "/api/engine/*");
      engineApi.setInitParameter(ServletProperties.JAXRS_APPLICATION_CLASS, WebappEngineApiApplication.class.getName());
    }

    @Override
    public int getOrder() {
      return Ordered.HIGHEST_PRECEDENCE;
    }
  }
}
