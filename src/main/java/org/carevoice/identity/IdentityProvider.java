package org.carevoice.identity;

import java.net.URI;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

/**
 * The OpenID Connect provider's metadata ({@code /.well-known/openid-configuration}), read when
 * first needed and kept. A node starts while the provider is unreachable (the break-glass
 * administrator can still sign in with a password); single sign-on and bearer tokens work from the
 * first request after the provider answers.
 */
class IdentityProvider {

  private static final Logger LOG = LoggerFactory.getLogger(IdentityProvider.class);
  private static final String WELL_KNOWN = "/.well-known/openid-configuration";

  private final SingleSignOnProperties properties;
  private final RestClient http;
  private volatile Map<String, Object> metadata;

  IdentityProvider(SingleSignOnProperties properties, RestClient.Builder http) {
    this.properties = properties;
    this.http = http.build();
  }

  /**
   * The provider's metadata, whose {@code issuer} is the configured issuer.
   *
   * @throws IllegalStateException when the provider cannot be read or names another issuer
   */
  Map<String, Object> metadata() {
    Map<String, Object> known = metadata;
    if (known != null) {
      return known;
    }
    synchronized (this) {
      if (metadata == null) {
        metadata = read();
      }
      return metadata;
    }
  }

  String issuer() {
    return properties.issuerUri().toString();
  }

  String endpoint(String name) {
    Object value = metadata().get(name);
    return value instanceof String text && !text.isBlank() ? text : null;
  }

  private Map<String, Object> read() {
    String base = properties.metadataBase().toString();
    URI uri = URI.create((base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + WELL_KNOWN);
    Map<String, Object> read;
    try {
      read = http.get().uri(uri).retrieve().body(new ParameterizedTypeReference<Map<String, Object>>() {});
    } catch (RestClientException e) {
      LOG.warn("Single sign-on: the identity provider's metadata at {} could not be read: {}", uri, e.getMessage());
      throw new IllegalStateException("The identity provider cannot be reached", e);
    }
    if (read == null || !issuer().equals(read.get("issuer"))) {
      LOG.warn("Single sign-on: the metadata at {} names the issuer {}, not the configured {}", uri,
          read == null ? null : read.get("issuer"), issuer());
      throw new IllegalStateException("The identity provider names another issuer than carevoice.oidc.issuer-uri");
    }
    for (String required : new String[] {"authorization_endpoint", "token_endpoint", "jwks_uri"}) {
      if (!(read.get(required) instanceof String)) {
        throw new IllegalStateException("The identity provider's metadata has no " + required);
      }
    }
    LOG.info("Single sign-on: read the metadata of the identity provider {}", issuer());
    return java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(read));
  }
}
