package org.carevoice.monitoring;

import jakarta.servlet.http.HttpServletResponse;
import org.carevoice.identity.StaffGroups;
import org.springframework.boot.actuate.autoconfigure.security.servlet.EndpointRequest;
import org.springframework.boot.actuate.health.HealthEndpoint;
import org.springframework.boot.actuate.info.InfoEndpoint;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Who may read {@code /actuator}: the probes ({@code health}, {@code health/liveness},
 * {@code health/readiness}) and {@code info} are open, with details (the database, the outbox's
 * backlog) for administrators only; {@code /actuator/prometheus} needs a member of
 * {@value StaffGroups#MONITORING} (a scrape user, HTTP Basic) or {@value StaffGroups#ADMINS}. The
 * same rules hold on a separate management port ({@code CAREVOICE_MANAGEMENT_PORT}).
 */
@Configuration(proxyBeanMethods = false)
class MonitoringConfiguration {

  /** Before the site's chain, which would send a scraper to the sign-in page. */
  @Bean
  @Order(0)
  SecurityFilterChain actuatorChain(HttpSecurity http) throws Exception {
    http.securityMatcher(EndpointRequest.toAnyEndpoint())
        .authorizeHttpRequests(requests -> requests
            .requestMatchers(EndpointRequest.to(HealthEndpoint.class, InfoEndpoint.class)).permitAll()
            .requestMatchers(EndpointRequest.to("prometheus"))
            .hasAnyAuthority("GROUP_" + StaffGroups.MONITORING, "GROUP_" + StaffGroups.ADMINS)
            .anyRequest().denyAll())
        // A scraper signs in on every request and gets no session; an administrator signed in to the
        // staff site sees the health details in the browser through the site's session.
        .httpBasic(basic -> basic.authenticationEntryPoint((request, response, exception) -> {
          response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"Carevoice monitoring\"");
          response.sendError(HttpServletResponse.SC_UNAUTHORIZED);
        }))
        .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.NEVER))
        .requestCache(AbstractHttpConfigurer::disable)
        .csrf(AbstractHttpConfigurer::disable);
    return http.build();
  }

  /** Camunda's metrics as Prometheus counters; a plugin, so created before the engine. */
  @Bean
  static CamundaMeters camundaMeters() {
    return new CamundaMeters();
  }
}
