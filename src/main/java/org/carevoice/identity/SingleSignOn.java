package org.carevoice.identity;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.oidc.web.logout.OidcClientInitiatedLogoutSuccessHandler;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestCustomizers;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestRedirectFilter;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.core.oidc.IdTokenClaimNames;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.web.authentication.logout.LogoutSuccessHandler;
import org.springframework.web.client.RestClient;

/**
 * Staff single sign-on with the organisation's OpenID Connect provider, when
 * {@code carevoice.oidc.enabled}: the client registration (authorization code flow with PKCE),
 * the sign-in's user service (just-in-time Camunda accounts), the sign-out at the provider, and
 * the bearer tokens the provider issues for the engine REST API and the JSON API.
 */
final class SingleSignOn {

  static final String GROUP_PREFIX = "GROUP_";

  private final SingleSignOnProperties properties;
  private final IdentityProvider provider;
  private final ProviderClaims claims;
  private final SingleSignOnAccounts accounts;
  private final ClientRegistrationRepository registrations;
  private final JwtDecoder bearerTokens;

  SingleSignOn(SingleSignOnProperties properties, IdentityService identity, String breakGlassAdmin,
      RestClient.Builder http) {
    require(properties.issuerUri() != null, "carevoice.oidc.issuer-uri");
    require(properties.clientId() != null && !properties.clientId().isBlank(), "carevoice.oidc.client-id");
    this.properties = properties;
    this.provider = new IdentityProvider(properties, http);
    this.claims = new ProviderClaims(properties);
    this.accounts = new SingleSignOnAccounts(identity, breakGlassAdmin);
    this.registrations = this::registration;
    this.bearerTokens = new ProviderTokens();
  }

  private static void require(boolean present, String property) {
    if (!present) {
      throw new IllegalStateException("Single sign-on is on (carevoice.oidc.enabled) but " + property + " is not set");
    }
  }

  SingleSignOnProperties properties() {
    return properties;
  }

  ClientRegistrationRepository registrations() {
    return registrations;
  }

  /** The path that starts a sign-in at the provider. */
  String signInPath() {
    return OAuth2AuthorizationRequestRedirectFilter.DEFAULT_AUTHORIZATION_REQUEST_BASE_URI + "/"
        + properties.registrationId();
  }

  /** Authorization requests with PKCE, for confidential and public clients alike. */
  OAuth2AuthorizationRequestResolver authorizationRequests() {
    DefaultOAuth2AuthorizationRequestResolver resolver = new DefaultOAuth2AuthorizationRequestResolver(
        registrations, OAuth2AuthorizationRequestRedirectFilter.DEFAULT_AUTHORIZATION_REQUEST_BASE_URI);
    resolver.setAuthorizationRequestCustomizer(OAuth2AuthorizationRequestCustomizers.withPkce());
    return resolver;
  }

  /** Sign-out at the provider too when it offers it (end_session_endpoint), then back to the sign-in page. */
  LogoutSuccessHandler signOut(String signedOutPath) {
    OidcClientInitiatedLogoutSuccessHandler handler = new OidcClientInitiatedLogoutSuccessHandler(registrations);
    handler.setPostLogoutRedirectUri("{baseUrl}" + signedOutPath);
    handler.setDefaultTargetUrl(signedOutPath);
    return handler;
  }

  /** The sign-in's user: the provider's user and claims, then the Camunda account made to match. */
  OAuth2UserService<OidcUserRequest, OidcUser> users() {
    OidcUserService standard = new OidcUserService();
    return request -> {
      OidcUser user = standard.loadUser(request);
      Map<String, Object> all = user.getClaims();
      String userId = allowedUserId(all).orElseThrow(() -> new OAuth2AuthenticationException(
          new OAuth2Error("carevoice_user", "The identity provider's account names no Carevoice user", null)));
      Set<String> groups = accounts.provision(userId, all, claims.groups(all));
      return new SingleSignOnUser(userId, authorities(groups), user.getIdToken(), user.getUserInfo());
    };
  }

  /** Bearer tokens of the provider: signature, issuer, audience and lifetime checked. */
  JwtDecoder bearerTokens() {
    return bearerTokens;
  }

  /** The staff member a checked bearer token speaks for, with the Carevoice groups of its claims. */
  JwtAuthenticationToken bearerUser(Jwt jwt) {
    String userId = allowedUserId(jwt.getClaims())
        .orElseThrow(() -> new InvalidBearerTokenException("The token names no Carevoice user"));
    return new JwtAuthenticationToken(jwt, authorities(claims.groups(jwt.getClaims())), userId);
  }

  /** The Carevoice groups of a bearer token's claims. */
  Set<String> groups(Jwt jwt) {
    return claims.groups(jwt.getClaims());
  }

  private java.util.Optional<String> allowedUserId(Map<String, Object> all) {
    return claims.userId(all).filter(accounts::mayUse);
  }

  static List<GrantedAuthority> authorities(Collection<String> groups) {
    List<GrantedAuthority> authorities = new ArrayList<>();
    groups.forEach(group -> authorities.add(new SimpleGrantedAuthority(GROUP_PREFIX + group)));
    return authorities;
  }

  private ClientRegistration registration(String registrationId) {
    if (!properties.registrationId().equals(registrationId)) {
      return null;
    }
    Map<String, Object> metadata = provider.metadata();
    return ClientRegistration.withRegistrationId(registrationId)
        .clientName(properties.displayName())
        .clientId(properties.clientId())
        .clientSecret(properties.clientSecret())
        .clientAuthenticationMethod(clientAuthentication(metadata))
        .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
        .redirectUri("{baseUrl}/login/oauth2/code/{registrationId}")
        .scope(properties.scopes())
        .authorizationUri(provider.endpoint("authorization_endpoint"))
        .tokenUri(provider.endpoint("token_endpoint"))
        .jwkSetUri(provider.endpoint("jwks_uri"))
        .userInfoUri(provider.endpoint("userinfo_endpoint"))
        .userNameAttributeName(IdTokenClaimNames.SUB)
        .issuerUri(provider.issuer())
        .providerConfigurationMetadata(metadata)
        .build();
  }

  private ClientAuthenticationMethod clientAuthentication(Map<String, Object> metadata) {
    if (properties.clientSecret().isBlank()) {
      return ClientAuthenticationMethod.NONE;
    }
    Object supported = metadata.get("token_endpoint_auth_methods_supported");
    if (supported instanceof Collection<?> methods && !methods.contains("client_secret_basic")
        && methods.contains("client_secret_post")) {
      return ClientAuthenticationMethod.CLIENT_SECRET_POST;
    }
    return ClientAuthenticationMethod.CLIENT_SECRET_BASIC;
  }

  /** The provider's keys are read when the first token comes, so a node starts while the provider is away. */
  private final class ProviderTokens implements JwtDecoder {
    private volatile JwtDecoder decoder;

    @Override
    public Jwt decode(String token) throws JwtException {
      return decoder().decode(token);
    }

    private JwtDecoder decoder() {
      JwtDecoder known = decoder;
      if (known != null) {
        return known;
      }
      synchronized (this) {
        if (decoder == null) {
          String keys;
          try {
            keys = provider.endpoint("jwks_uri");
          } catch (IllegalStateException e) {
            throw new BadJwtException("The identity provider cannot be reached to check the token", e);
          }
          NimbusJwtDecoder nimbus = NimbusJwtDecoder.withJwkSetUri(keys).build();
          OAuth2TokenValidator<Jwt> audience = jwt -> jwt.getAudience() != null
              && jwt.getAudience().contains(properties.expectedAudience())
              ? OAuth2TokenValidatorResult.success()
              : OAuth2TokenValidatorResult.failure(new OAuth2Error("invalid_token",
                  "The token is not meant for Carevoice (aud)", null));
          nimbus.setJwtValidator(new DelegatingOAuth2TokenValidator<>(
              JwtValidators.createDefaultWithIssuer(provider.issuer()), audience));
          decoder = nimbus;
        }
        return decoder;
      }
    }
  }
}
