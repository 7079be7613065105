package org.carevoice.identity;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.carevoice.system.PlainText;

/**
 * What Carevoice reads from the identity provider's claims (an ID token, user info or a bearer
 * token): the Camunda user id, and the Carevoice groups that the provider's groups or roles map to
 * by configuration ({@link SingleSignOnProperties}). Groups that no rule maps are ignored.
 */
final class ProviderClaims {

  /** Camunda's user id column holds 64 characters. */
  static final int USER_ID_MAX = 64;
  /** As {@code user-resource-whitelist-pattern} in application.yaml. */
  private static final Pattern USER_ID = Pattern.compile("[a-z0-9]+([._-][a-z0-9]+)*");

  private final SingleSignOnProperties properties;

  ProviderClaims(SingleSignOnProperties properties) {
    this.properties = properties;
  }

  /**
   * The Camunda user id these claims name: the configured claim, lower-cased, its part before an
   * {@code @} when so configured; empty when the claim is missing or no valid Camunda user id.
   */
  Optional<String> userId(Map<String, Object> claims) {
    Object value = claims.get(properties.userIdClaim());
    if (!(value instanceof String text) || text.isBlank()) {
      return Optional.empty();
    }
    String id = text.strip().toLowerCase(Locale.ROOT);
    if (properties.userIdLocalPart() && id.indexOf('@') >= 0) {
      id = id.substring(0, id.indexOf('@'));
    }
    if (id.length() > USER_ID_MAX || !PlainText.isPlain(id) || !USER_ID.matcher(id).matches()) {
      return Optional.empty();
    }
    return Optional.of(id);
  }

  /** The Carevoice groups that the provider's groups in these claims map to, in a stable order. */
  Set<String> groups(Map<String, Object> claims) {
    Set<String> groups = new LinkedHashSet<>();
    for (String providerGroup : providerGroups(claims)) {
      String mapped = properties.groupMapping().get(providerGroup);
      if (mapped != null && !mapped.isBlank()) {
        groups.add(mapped.strip());
      } else if (!properties.groupPrefix().isEmpty() && providerGroup.startsWith(properties.groupPrefix())
          && providerGroup.length() > properties.groupPrefix().length()) {
        groups.add(providerGroup.substring(properties.groupPrefix().length()));
      }
    }
    return groups;
  }

  /** The values of the group claim: a list, or one string; a dotted name reads a nested claim. */
  List<String> providerGroups(Map<String, Object> claims) {
    Object value = claims;
    for (String part : properties.groupClaim().split("\\.")) {
      if (!(value instanceof Map<?, ?> map)) {
        return List.of();
      }
      value = map.get(part);
    }
    if (value instanceof String single) {
      return List.of(single);
    }
    if (value instanceof Collection<?> many) {
      return many.stream().filter(String.class::isInstance).map(String.class::cast).toList();
    }
    return List.of();
  }

  static String text(Map<String, Object> claims, String name, int max) {
    Object value = claims.get(name);
    if (!(value instanceof String text) || text.isBlank()) {
      return null;
    }
    String plain = text.strip();
    return plain.length() > max ? plain.substring(0, max) : plain;
  }
}
