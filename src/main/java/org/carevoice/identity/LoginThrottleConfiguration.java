package org.carevoice.identity;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEnginePlugin;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Sign-in throttling at every door (see {@link LoginThrottle}), and Camunda's own lock turned off. */
@Configuration(proxyBeanMethods = false)
class LoginThrottleConfiguration {

  /**
   * Before Spring Security's filters (and the API's rate limit), after the container's character
   * encoding and forwarded-header handling, for every request: which ones are sign-ins is decided
   * in the filter, so no door is missed by a URL pattern.
   */
  @Bean
  FilterRegistrationBean<LoginThrottleFilter> loginThrottleFilter(LoginThrottle throttle, MessageSource messages,
      ObjectMapper json, @Value("${camunda.bpm.webapp.application-path:/camunda}") String webappPath) {
    FilterRegistrationBean<LoginThrottleFilter> registration =
        new FilterRegistrationBean<>(new LoginThrottleFilter(throttle, messages, json, webappPath));
    registration.setName("carevoice-login-throttle");
    registration.addUrlPatterns("/*");
    registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER - 20);
    return registration;
  }

  /**
   * Camunda locks a user for good after ten wrong passwords (loginMaxAttempts), and each wrong
   * password for up to a minute before that, whoever sent it: anyone could lock any member of
   * staff out until an administrator acts. The {@link LoginThrottle} replaces both, so the engine's
   * lock is off: no permanent lock, no delay. The password checks report to the throttle.
   */
  @Bean
  ProcessEnginePlugin loginThrottleEnginePlugin(LoginThrottle throttle) {
    return new AbstractProcessEnginePlugin() {
      @Override
      public void preInit(ProcessEngineConfigurationImpl configuration) {
        configuration.setLoginMaxAttempts(Integer.MAX_VALUE);
        configuration.setLoginDelayBase(0);
        configuration.setLoginDelayMaxTime(0);
        configuration.setIdentityService(new ReportingIdentityService(throttle));
      }
    };
  }
}
