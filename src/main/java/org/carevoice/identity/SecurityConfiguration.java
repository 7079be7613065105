package org.carevoice.identity;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import org.camunda.bpm.engine.impl.cfg.ProcessEnginePlugin;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.carevoice.system.TaskRefusals;
import org.springframework.context.ApplicationContext;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Who may reach what.
 *
 * <ul>
 *   <li>The Camunda webapps ({@code /camunda/**}) authenticate against Camunda's identity
 *       service themselves and carry their own CSRF protection; Spring Security stays out of
 *       their way.
 *   <li>The engine's REST API ({@code /engine-rest/**}) needs HTTP Basic against Camunda's
 *       identity service or a bearer token of the single sign-on provider; the engine then checks
 *       the caller's authorizations.
 *   <li>The JSON API under {@code /api} is stateless with HTTP Basic against Camunda's users (or a
 *       bearer token): the public API (docs/api.md) is open but for staff entering stories, the
 *       identifier scan is for staff.
 *   <li>Which of these doors take passwords and which take the provider's sign-in: {@link StaffSignIn}.
 *   <li>The public site is open, with CSRF on every form and strict security headers.
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

  static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self';"
      + " img-src 'self' data:; font-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self';"
      + " frame-ancestors 'none'";

  /** The public site needs none of the browser's powerful features. */
  static final String PERMISSIONS_POLICY = "camera=(), microphone=(), geolocation=(), payment=(), usb=()";

  @Bean
  @Order(1)
  SecurityFilterChain camundaChain(HttpSecurity http, StaffSignIn signIn) throws Exception {
    // Path matchers, not MVC matchers: the REST API is served by Jersey, not by Spring MVC.
    http.securityMatcher(new OrRequestMatcher(path("/camunda/**"), path("/engine-rest/**")))
        .authorizeHttpRequests(requests -> {
          signIn.camunda(requests, "/camunda");
          requests.anyRequest().permitAll();
        })
        .csrf(AbstractHttpConfigurer::disable)
        .requestCache(AbstractHttpConfigurer::disable)
        .headers(headers -> headers.frameOptions(frame -> frame.sameOrigin()));
    return http.build();
  }

  /**
   * The JSON API: stateless, HTTP Basic against Camunda's users. The identifier scan is for staff,
   * unless {@code carevoice.api.open-anonymisation-scan} opens it (the demo does).
   */
  @Bean
  @Order(2)
  SecurityFilterChain apiChain(HttpSecurity http,
      @Value("${carevoice.api.open-anonymisation-scan:false}") boolean openScan, MessageSource messages,
      StaffSignIn signIn) throws Exception {
    // Passwords are checked by CamundaIdentityAuthenticationProvider, the one AuthenticationProvider
    // bean, which Spring Security makes the global provider. Adding it to a chain as well made every
    // wrong password be checked twice (a chain falls back to the global provider after a failure).
    http.securityMatcher(path("/api/**"))
        .authorizeHttpRequests(requests -> {
          if (openScan) {
            requests.requestMatchers(path("/api/v1/anonymisation/**")).permitAll();
          } else {
            requests.requestMatchers(path("/api/v1/anonymisation/**")).authenticated();
          }
          // Staff enter stories taken by phone or on paper; the controller checks the staff group.
          requests.requestMatchers(path(HttpMethod.POST, "/api/v1/stories")).authenticated();
          // The public API: published stories, services, tags (rate-limited per client address).
          requests.anyRequest().permitAll();
        })
        .cors(cors -> cors.configurationSource(openDataCors()))
        .csrf(AbstractHttpConfigurer::disable)
        .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS));
    // HTTP Basic with local accounts, bearer tokens with single sign-on.
    signIn.api(http, apiSignIn(messages));
    return http.build();
  }

  /**
   * Open data: any web page may read the published stories, services and tags from a browser
   * (GET only, no credentials). Nothing else of the API is open to other origins.
   */
  static org.springframework.web.cors.CorsConfigurationSource openDataCors() {
    org.springframework.web.cors.CorsConfiguration read = new org.springframework.web.cors.CorsConfiguration();
    read.addAllowedOrigin("*");
    read.setAllowedMethods(java.util.List.of("GET", "HEAD"));
    read.addExposedHeader("Retry-After");
    read.setMaxAge(3600L);
    org.springframework.web.cors.UrlBasedCorsConfigurationSource source =
        new org.springframework.web.cors.UrlBasedCorsConfigurationSource();
    source.registerCorsConfiguration("/api/v1/stories/**", read);
    source.registerCorsConfiguration("/api/v1/services/**", read);
    source.registerCorsConfiguration("/api/v1/tags", read);
    return source;
  }

  @Bean
  @Order(3)
  SecurityFilterChain siteChain(HttpSecurity http, org.camunda.bpm.engine.ProcessEngine engine, StaffSignIn signIn)
      throws Exception {
    http.authorizeHttpRequests(requests -> requests
            .dispatcherTypeMatchers(DispatcherType.ERROR, DispatcherType.FORWARD).permitAll()
            .requestMatchers(path("/staff/**")).authenticated()
            .requestMatchers(path("/actuator/health/**"), path("/actuator/info")).permitAll()
            .requestMatchers(path("/actuator/**")).denyAll()
            .anyRequest().permitAll())
        .csrf(Customizer.withDefaults())
        .httpBasic(AbstractHttpConfigurer::disable)
        .headers(headers -> headers
            .contentSecurityPolicy(csp -> csp.policyDirectives(signIn.contentSecurityPolicy(CONTENT_SECURITY_POLICY)))
            .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN))
            .frameOptions(frame -> frame.deny())
            // Sent on HTTPS requests only (behind a proxy: server.forward-headers-strategy).
            .httpStrictTransportSecurity(hsts -> hsts.includeSubDomains(true).maxAgeInSeconds(31_536_000))
            .permissionsPolicyHeader(permissions -> permissions.policy(PERMISSIONS_POLICY)));
    // Staff pages: the same user name and password as in Tasklist and/or single sign-on, one
    // sign-in for both (WebappsSignIn), and sign-out for both (StaffSignIn).
    signIn.site(http, engine);
    return http.build();
  }

  static RequestMatcher path(String pattern) {
    return PathPatternRequestMatcher.withDefaults().matcher(pattern);
  }

  static RequestMatcher path(HttpMethod method, String pattern) {
    return PathPatternRequestMatcher.withDefaults().matcher(method, pattern);
  }

  /** 401 for the JSON API: the Basic challenge and a problem detail in the API's style. */
  private static AuthenticationEntryPoint apiSignIn(MessageSource messages) {
    String detail = messages.getMessage("api.signIn", null, Locale.UK).replace("\\", "\\\\").replace("\"", "\\\"");
    String body = "{\"type\":\"about:blank\",\"title\":\"Unauthorized\",\"status\":401,\"detail\":\"" + detail + "\"}";
    return (request, response, exception) -> {
      response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
      response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"Carevoice\"");
      response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
      response.setCharacterEncoding("UTF-8");
      response.getWriter().write(body);
    };
  }

  /** No expression from a task query or filter is ever evaluated: {@link QueryExpressionGuard}. */
  @Bean
  static ProcessEnginePlugin queryExpressionGuard(ApplicationContext applicationContext) {
    return new QueryExpressionGuard(applicationContext);
  }

  /** Through a task, a client writes only the variables its form asks for: {@link TaskVariableGuard}. */
  @Bean
  static ProcessEnginePlugin taskVariableGuard(TaskRefusals refusals) {
    return new TaskVariableGuard(refusals);
  }

  /** Variable permissions, grants per definition, refusals as 403: {@link WorkAuthorizationPlugin}. */
  @Bean
  static ProcessEnginePlugin workAuthorizations() {
    return new WorkAuthorizationPlugin();
  }

  /**
   * The engine REST API runs each call as its caller: HTTP Basic checked by Camunda against its own
   * users, or the single sign-on provider's bearer token ({@link EngineRestAuthentication}).
   */
  @Bean
  FilterRegistrationBean<ProcessEngineAuthenticationFilter> engineRestAuthentication(StaffSignIn signIn) {
    FilterRegistrationBean<ProcessEngineAuthenticationFilter> registration =
        new FilterRegistrationBean<>(new EngineRestAuthentication(signIn));
    registration.setName("camunda-rest-basic-auth");
    registration.addUrlPatterns("/engine-rest/*");
    return registration;
  }

  /**
   * No Micrometer observation around each security filter, authentication and authorization (issue
   * 14: a sixth of the public pages' CPU went to timers for every filter of every request). The
   * requests themselves are still timed ({@code http.server.requests}).
   */
  @Bean
  static org.springframework.security.config.observation.SecurityObservationSettings securityObservations() {
    return org.springframework.security.config.observation.SecurityObservationSettings.noObservations();
  }
}
