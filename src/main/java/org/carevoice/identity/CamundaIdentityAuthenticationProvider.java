package org.carevoice.identity;

import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.carevoice.system.PlainText;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.stereotype.Component;

/**
 * Staff sign in to Carevoice's own pages and API with their Camunda user and password (the same
 * as in Tasklist); their Camunda groups become authorities {@code GROUP_<id>}.
 */
@Component
class CamundaIdentityAuthenticationProvider implements AuthenticationProvider {

  private final IdentityService identity;
  private final StaffDirectory staff;
  private final boolean localAccounts;

  CamundaIdentityAuthenticationProvider(IdentityService identity, StaffDirectory staff, IdentityProperties properties) {
    this.identity = identity;
    this.staff = staff;
    this.localAccounts = properties.localAccounts();
  }

  @Override
  public Authentication authenticate(Authentication authentication) {
    String user = authentication.getName();
    Object credentials = authentication.getCredentials();
    if (!localAccounts) {
      // Single sign-on only: no password is checked, whatever door it came through.
      throw new DisabledException("Local accounts are switched off");
    }
    // A control character in a user name never matches, and PostgreSQL would refuse U+0000 in the query.
    if (user == null || credentials == null || !PlainText.isPlain(user)
        || !identity.checkPassword(user, credentials.toString())) {
      throw new BadCredentialsException("Wrong user name or password");
    }
    List<SimpleGrantedAuthority> groups = staff.groupsOf(user).stream()
        .map(group -> new SimpleGrantedAuthority("GROUP_" + group)).toList();
    return UsernamePasswordAuthenticationToken.authenticated(user, null, groups);
  }

  @Override
  public boolean supports(Class<?> authentication) {
    return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
  }
}
