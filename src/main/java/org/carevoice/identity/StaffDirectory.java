package org.carevoice.identity;

import java.util.List;
import java.util.Objects;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Service;

/** Staff as Camunda's identity service knows them: who is in a group, and how to reach them. */
@Service
public class StaffDirectory {

  private final IdentityService identity;
  private final GroupMemberships memberships;

  StaffDirectory(IdentityService identity, GroupMemberships memberships) {
    this.identity = identity;
    this.memberships = memberships;
  }

  /** The email addresses of a group's members who have one. */
  public List<String> emailsOf(String groupId) {
    return identity.createUserQuery().memberOfGroup(groupId).list().stream()
        .map(User::getEmail).filter(Objects::nonNull).filter(email -> !email.isBlank()).distinct().toList();
  }

  /**
   * The user's groups; a change of membership is seen at once on this node, within 30 s on others
   * ({@link GroupMemberships}). Inside an engine call made as a user, the engine's authorization
   * checks apply to the query, so its answer is neither taken from nor kept in the cache.
   */
  public List<String> groupsOf(String userId) {
    if (identity.getCurrentAuthentication() != null) {
      return loadGroups(userId);
    }
    return memberships.groupsOf(userId, this::loadGroups);
  }

  private List<String> loadGroups(String userId) {
    return identity.createGroupQuery().groupMember(userId).list().stream().map(group -> group.getId()).toList();
  }

  public boolean isMember(String userId, String groupId) {
    return identity.createUserQuery().userId(userId).memberOfGroup(groupId).count() > 0;
  }

  /** A user's email address, if the user exists and has one. */
  public java.util.Optional<String> emailOf(String userId) {
    User user = identity.createUserQuery().userId(userId).singleResult();
    return java.util.Optional.ofNullable(user).map(User::getEmail).filter(email -> !email.isBlank());
  }

  /** The user acting in the current engine call (Tasklist, REST), or null. */
  public String currentUser() {
    var authentication = identity.getCurrentAuthentication();
    return authentication == null ? null : authentication.getUserId();
  }
}
