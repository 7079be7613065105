package org.carevoice.identity;

import java.util.HashSet;
import java.util.Set;
import org.carevoice.organisation.CareService;
import org.carevoice.organisation.OrganisationService;
import org.carevoice.story.StaffEntryPermission;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.stereotype.Component;

/**
 * Who may enter stories taken by phone or on paper (the staff JSON API and /staff/stories/new): a
 * signed-in user in any staff group, that is a role group (moderators, moderation leads,
 * safeguarding, administrators) or the responders' or managers' group of a service. A Camunda user
 * in no such group (a technical account, say) may not.
 */
@Component
public class StaffCheck implements StaffEntryPermission {

  private static final String GROUP_PREFIX = "GROUP_";
  private static final Set<String> ROLE_GROUPS = Set.of(StaffGroups.ADMINS, StaffGroups.MODERATORS,
      StaffGroups.MODERATION_LEADS, StaffGroups.SAFEGUARDING);

  private final OrganisationService organisation;

  StaffCheck(OrganisationService organisation) {
    this.organisation = organisation;
  }

  @Override
  public boolean mayEnterStories(Authentication user) {
    return isStaff(user);
  }

  public boolean isStaff(Authentication user) {
    if (user == null || !user.isAuthenticated()) {
      return false;
    }
    Set<String> groups = new HashSet<>();
    for (GrantedAuthority authority : user.getAuthorities()) {
      String name = authority.getAuthority();
      if (name != null && name.startsWith(GROUP_PREFIX)) {
        groups.add(name.substring(GROUP_PREFIX.length()));
      }
    }
    return isStaff(groups);
  }

  /** Whether a user in these Camunda groups is staff. */
  public boolean isStaff(java.util.Collection<String> groups) {
    if (groups.stream().anyMatch(ROLE_GROUPS::contains)) {
      return true;
    }
    for (CareService service : organisation.allServices()) {
      if (groups.contains(service.getResponderGroup()) || groups.contains(service.getManagerGroup())) {
        return true;
      }
    }
    return false;
  }
}
