package org.carevoice.identity;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** With single sign-on on: the Camunda webapps sign in and out with the staff pages ({@link WebappsSingleSignOn}). */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "carevoice.oidc.enabled", havingValue = "true")
class SingleSignOnConfiguration {

  /** After Spring Security's filters, so a sign-out in a webapp leaves nothing for them to save. */
  @Bean
  FilterRegistrationBean<WebappsSingleSignOn> webappsSingleSignOn(
      @Value("${camunda.bpm.webapp.application-path:/camunda}") String webappPath) {
    FilterRegistrationBean<WebappsSingleSignOn> registration =
        new FilterRegistrationBean<>(new WebappsSingleSignOn(webappPath));
    registration.setName("carevoice-webapps-single-sign-on");
    registration.addUrlPatterns(webappPath + "/*");
    registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER + 10);
    return registration;
  }
}
