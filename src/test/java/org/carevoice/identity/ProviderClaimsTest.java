package org.carevoice.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The provider's claims to a Camunda user id and Carevoice groups, as configured (no Spring needed). */
class ProviderClaimsTest {

  private static SingleSignOnProperties properties(String userIdClaim, boolean localPart, String groupClaim,
      Map<String, String> mapping, String prefix) {
    return new SingleSignOnProperties(true, "carevoice", "NHS Test Board", URI.create("https://idp.example/realm"),
        null, "carevoice", "secret", List.of("openid"), null, userIdClaim, localPart, groupClaim, mapping, prefix);
  }

  private final ProviderClaims entraLike = new ProviderClaims(properties("preferred_username", true, "groups",
      Map.of("3f1c9a4e-0000-4000-8000-000000000001", "moderators", "Ward 15 Team", "responders-hairmyres-ward-15"),
      "carevoice-"));

  @Test
  void userId_isTheClaimLowerCased_andItsLocalPartWhenConfigured() {
    assertThat(entraLike.userId(Map.of("preferred_username", "Morag.Campbell@Lanarkshire.scot.nhs.uk")))
        .contains("morag.campbell");
    ProviderClaims whole = new ProviderClaims(properties("email", false, "groups", Map.of(), ""));
    assertThat(whole.userId(Map.of("email", "morag.campbell@nhs.scot")))
        .as("an address is no Camunda id: '@' is not allowed").isEmpty();
    assertThat(whole.userId(Map.of("email", "morag.campbell"))).contains("morag.campbell");
  }

  @Test
  void userId_isRefused_whenMissing_orNoValidCamundaId() {
    assertThat(entraLike.userId(Map.of())).isEmpty();
    assertThat(entraLike.userId(Map.of("preferred_username", "   "))).isEmpty();
    assertThat(entraLike.userId(Map.of("preferred_username", List.of("a", "b")))).isEmpty();
    assertThat(entraLike.userId(Map.of("preferred_username", "o'brien@nhs.scot"))).isEmpty();
    assertThat(entraLike.userId(Map.of("preferred_username", "tab\there"))).isEmpty();
    assertThat(entraLike.userId(Map.of("preferred_username", "x".repeat(65)))).isEmpty();
    assertThat(entraLike.userId(Map.of("preferred_username", "x".repeat(64)))).contains("x".repeat(64));
  }

  @Test
  void groups_mappedOneByOne_orByThePrefix_andOthersIgnored() {
    assertThat(entraLike.groups(Map.of("groups", List.of("3f1c9a4e-0000-4000-8000-000000000001", "Ward 15 Team",
        "carevoice-safeguarding", "Finance", "carevoice-", "All staff"))))
        .containsExactly("moderators", "responders-hairmyres-ward-15", "safeguarding");
    assertThat(entraLike.groups(Map.of("groups", List.of("Finance")))).isEmpty();
    assertThat(entraLike.groups(Map.of())).isEmpty();
  }

  @Test
  void groupClaim_mayBeOneString_orANestedClaim() {
    ProviderClaims roles = new ProviderClaims(properties("preferred_username", false, "realm_access.roles",
        Map.of(), "carevoice-"));
    assertThat(roles.groups(Map.of("realm_access", Map.of("roles", List.of("carevoice-moderators", "offline_access")))))
        .containsExactly("moderators");
    assertThat(roles.groups(Map.of("realm_access", "not a map"))).isEmpty();
    ProviderClaims single = new ProviderClaims(properties("preferred_username", false, "role", Map.of(), "carevoice-"));
    assertThat(single.groups(Map.of("role", "carevoice-process-owners"))).containsExactly("process-owners");
  }
}
