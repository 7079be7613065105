package org.carevoice.identity;

import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Just-in-time accounts: on each single sign-on, the Camunda user is created or updated from the
 * provider's claims (names, email address) and its memberships set to exactly the Carevoice groups
 * its provider groups map to. Team emails, candidate groups, Tasklist filters, Admin and Cockpit
 * then work as for any Camunda user. Such a user has no password: it signs in at the provider only.
 *
 * <p>Logs counts and group ids, never the user's id, name or address.
 */
final class SingleSignOnAccounts {

  private static final Logger LOG = LoggerFactory.getLogger(SingleSignOnAccounts.class);
  private static final int NAME_MAX = 255;

  private final IdentityService identity;
  private final String breakGlassAdmin;

  /** @param breakGlassAdmin the local administrator ({@code carevoice.identity.admin-user}), never an SSO user */
  SingleSignOnAccounts(IdentityService identity, String breakGlassAdmin) {
    this.identity = identity;
    this.breakGlassAdmin = breakGlassAdmin;
  }

  /** Whether this user id may sign in through the provider: any but the break-glass administrator's. */
  boolean mayUse(String userId) {
    return !userId.equals(breakGlassAdmin);
  }

  /**
   * Creates or updates the user and sets its memberships to exactly {@code groups} (those that
   * exist in Camunda; others are ignored with a warning that names the group).
   *
   * @return the groups the user is now a member of
   */
  synchronized Set<String> provision(String userId, Map<String, Object> claims, Set<String> groups) {
    User user = identity.createUserQuery().userId(userId).singleResult();
    boolean created = user == null;
    if (created) {
      user = identity.newUser(userId);
    }
    String first = ProviderClaims.text(claims, "given_name", NAME_MAX);
    String last = ProviderClaims.text(claims, "family_name", NAME_MAX);
    String email = ProviderClaims.text(claims, "email", NAME_MAX);
    if (created || !Objects.equals(first, user.getFirstName()) || !Objects.equals(last, user.getLastName())
        || !Objects.equals(email, user.getEmail())) {
      user.setFirstName(first);
      user.setLastName(last);
      user.setEmail(email);
      identity.saveUser(user);
    }

    Set<String> wanted = new LinkedHashSet<>();
    Set<String> unknown = new LinkedHashSet<>();
    for (String group : groups) {
      if (identity.createGroupQuery().groupId(group).count() > 0) {
        wanted.add(group);
      } else {
        unknown.add(group);
      }
    }
    if (!unknown.isEmpty()) {
      LOG.warn("Single sign-on: the provider's groups map to {} which Carevoice does not have; ignored", unknown);
    }
    Set<String> current = new HashSet<>();
    for (Group group : identity.createGroupQuery().groupMember(userId).list()) {
      current.add(group.getId());
    }
    Set<String> removed = new LinkedHashSet<>(current);
    removed.removeAll(wanted);
    Set<String> added = new LinkedHashSet<>(wanted);
    added.removeAll(current);
    removed.forEach(group -> identity.deleteMembership(userId, group));
    added.forEach(group -> identity.createMembership(userId, group));
    LOG.info("Single sign-on: {} a staff account in {} groups (joined {}, left {})", created ? "created" : "signed in",
        wanted.size(), added, removed);
    return wanted;
  }
}
