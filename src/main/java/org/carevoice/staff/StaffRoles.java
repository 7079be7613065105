package org.carevoice.staff;

import java.util.List;
import org.carevoice.identity.StaffCheck;
import org.carevoice.identity.StaffDirectory;
import org.carevoice.identity.StaffGroups;
import org.carevoice.organisation.CareService;
import org.carevoice.organisation.OrganisationService;
import org.carevoice.story.Story;
import org.springframework.stereotype.Component;

/** Who a signed-in member of staff is, by their Camunda groups: what the staff pages show them. */
@Component
class StaffRoles {

  private final StaffDirectory staff;
  private final OrganisationService organisation;
  private final StaffCheck staffCheck;

  StaffRoles(StaffDirectory staff, OrganisationService organisation, StaffCheck staffCheck) {
    this.staff = staff;
    this.organisation = organisation;
    this.staffCheck = staffCheck;
  }

  /**
   * One user's roles.
   *
   * @param respondsFor the services whose responder group the user is in
   * @param manages the services whose manager group the user is in
   * @param entersStories whether the user may enter stories taken by phone or on paper ({@link StaffCheck})
   */
  record Role(String user, List<String> groups, boolean moderator, boolean lead, boolean safeguarding,
      boolean processOwner, boolean admin, List<CareService> respondsFor, List<CareService> manages,
      boolean entersStories) {

    public boolean manager() {
      return !manages.isEmpty();
    }

    public boolean responder() {
      return !respondsFor.isEmpty();
    }

    /** Reports and the overdue list: managers, moderation leads and administrators. */
    public boolean seesReports() {
      return manager() || lead || admin;
    }

    /** The services the user works for, responding or managing, each once, by name. */
    public List<CareService> services() {
      java.util.Map<Long, CareService> byId = new java.util.LinkedHashMap<>();
      java.util.stream.Stream.concat(respondsFor.stream(), manages.stream()).forEach(s -> byId.putIfAbsent(s.getId(), s));
      return byId.values().stream().sorted(java.util.Comparator.comparing(CareService::getFullName)).toList();
    }

    /** Whether the user works for one of the services a story is about. */
    public boolean worksFor(Story story) {
      return story.getServices().stream().anyMatch(service -> worksFor(service.getId()));
    }

    public boolean worksFor(Long serviceId) {
      return services().stream().anyMatch(service -> service.getId().equals(serviceId));
    }

    /** The data-protection pages (subject access, erasure, the access log): their group and administrators. */
    public boolean dataProtection() {
      return admin || groups.contains(StaffGroups.DATA_PROTECTION);
    }

    /** Staff of the story's services, moderation leads and administrators open the staff view of a story. */
    public boolean mayOpen(Story story) {
      return admin || lead || worksFor(story);
    }
  }

  Role of(String user) {
    List<String> groups = staff.groupsOf(user);
    List<CareService> services = organisation.allServices();
    return new Role(user, groups, groups.contains(StaffGroups.MODERATORS), groups.contains(StaffGroups.MODERATION_LEADS),
        groups.contains(StaffGroups.SAFEGUARDING), groups.contains(StaffGroups.PROCESS_OWNERS),
        groups.contains(StaffGroups.ADMINS),
        services.stream().filter(s -> groups.contains(s.getResponderGroup())).toList(),
        services.stream().filter(s -> groups.contains(s.getManagerGroup())).toList(), staffCheck.isStaff(groups));
  }
}
