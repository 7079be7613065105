package org.carevoice.publicapi;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import org.carevoice.system.RateLimits;
import org.carevoice.system.SiteProperties;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The API's rate limit and its OpenAPI description (served at /v3/api-docs by springdoc). */
@Configuration(proxyBeanMethods = false)
class PublicApiConfiguration {

  static final String STAFF_SECURITY = "staff";

  /** Before Spring Security's filters, so that every API request counts, signed in or not. */
  @Bean
  FilterRegistrationBean<ApiRateLimitFilter> apiRateLimitFilter(RateLimits limits, ApiMessages messages,
      ObjectMapper json) {
    FilterRegistrationBean<ApiRateLimitFilter> registration =
        new FilterRegistrationBean<>(new ApiRateLimitFilter(limits, messages, json));
    registration.setName("carevoice-api-rate-limit");
    registration.addUrlPatterns("/api/*");
    registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER - 10);
    return registration;
  }

  @Bean
  OpenAPI carevoiceOpenApi(SiteProperties site) {
    return new OpenAPI()
        .info(new Info().title("Carevoice public API").version("v1")
            .description("Published patient, service-user and carer stories about health and social care, the"
                + " services' responses and the authors' replies; the services and the tags. Read-only and open to"
                + " everyone, limited per client address (429 with Retry-After). Staff enter stories taken by phone"
                + " or on paper with POST /api/v1/stories (HTTP Basic). Errors are problem details whose detail"
                + " says what to change. Guide: docs/api.md in the repository."))
        .addServersItem(new Server().url(site.link("")))
        .components(new Components().addSecuritySchemes(STAFF_SECURITY, new SecurityScheme()
            .type(SecurityScheme.Type.HTTP).scheme("basic")
            .description("A Carevoice staff user and password (the same as for Tasklist)")));
  }
}
