package org.carevoice.identity;

import java.util.Collection;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.OidcUserInfo;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;

/**
 * A member of staff signed in through the identity provider: named by the Camunda user id that
 * the claims map to (not the provider's subject), with authorities {@code GROUP_<id>} for the
 * Carevoice groups it is a member of, as {@link CamundaIdentityAuthenticationProvider} gives them.
 */
final class SingleSignOnUser extends DefaultOidcUser {

  private static final long serialVersionUID = 1L;

  private final String userId;

  SingleSignOnUser(String userId, Collection<? extends GrantedAuthority> authorities, OidcIdToken idToken,
      OidcUserInfo userInfo) {
    super(authorities, idToken, userInfo);
    this.userId = userId;
  }

  @Override
  public String getName() {
    return userId;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof SingleSignOnUser user && user.userId.equals(userId) && super.equals(other);
  }

  @Override
  public int hashCode() {
    return 31 * super.hashCode() + userId.hashCode();
  }
}
