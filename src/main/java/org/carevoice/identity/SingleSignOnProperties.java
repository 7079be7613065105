package org.carevoice.identity;

import java.net.URI;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Staff single sign-on with OpenID Connect ({@code carevoice.oidc.*}, docs/operations.md "Single
 * sign-on (OpenID Connect)"). Off unless {@code enabled}.
 *
 * @param enabled sign staff in through the identity provider, and accept its bearer tokens
 * @param registrationId the name in the redirect URI {@code {base}/login/oauth2/code/{registrationId}}
 * @param displayName the provider's name on the sign-in button ("Sign in with ...")
 * @param issuerUri the provider's issuer, exactly as its tokens carry it in {@code iss}
 * @param discoveryUri where to read the provider's metadata when this node reaches it at another
 *     address than the browser does (compose: {@code http://keycloak:8080/realms/carevoice}); the
 *     issuer it names must still be {@code issuerUri}. Empty: the issuer's own address.
 * @param clientId this application's client id at the provider
 * @param clientSecret its secret; empty for a public client (PKCE is used either way)
 * @param scopes the scopes asked for at sign-in
 * @param audience what bearer tokens must carry in {@code aud}; empty: the client id
 * @param userIdClaim the claim that names the Camunda user (lower-cased)
 * @param userIdLocalPart keep only what comes before an {@code @} (for e-mail-like claims)
 * @param groupClaim the claim with the user's groups or roles; a dotted path reads nested claims
 *     ({@code realm_access.roles})
 * @param groupMapping the provider's group (name, id or role) to Carevoice's group
 * @param groupPrefix a provider group named this prefix and a Carevoice group's id maps to that
 *     group (e.g. {@code carevoice-moderators}); empty: no prefix rule
 */
@ConfigurationProperties("carevoice.oidc")
public record SingleSignOnProperties(
    @DefaultValue("false") boolean enabled,
    @DefaultValue("carevoice") String registrationId,
    @DefaultValue("your organisation's account") String displayName,
    URI issuerUri,
    URI discoveryUri,
    String clientId,
    String clientSecret,
    @DefaultValue({"openid", "profile", "email"}) List<String> scopes,
    String audience,
    @DefaultValue("preferred_username") String userIdClaim,
    @DefaultValue("false") boolean userIdLocalPart,
    @DefaultValue("groups") String groupClaim,
    Map<String, String> groupMapping,
    String groupPrefix) {

  public SingleSignOnProperties {
    groupMapping = groupMapping == null ? Map.of() : Map.copyOf(groupMapping);
    groupPrefix = groupPrefix == null ? "" : groupPrefix;
    clientSecret = clientSecret == null ? "" : clientSecret;
    issuerUri = blankIsNone(issuerUri);
    discoveryUri = blankIsNone(discoveryUri);
  }

  private static URI blankIsNone(URI uri) {
    return uri == null || uri.toString().isBlank() ? null : uri;
  }

  /** The audience bearer tokens must name: the configured one, else the client id. */
  String expectedAudience() {
    return audience == null || audience.isBlank() ? clientId : audience;
  }

  /** Where the provider's metadata is read. */
  URI metadataBase() {
    return discoveryUri == null ? issuerUri : discoveryUri;
  }
}
