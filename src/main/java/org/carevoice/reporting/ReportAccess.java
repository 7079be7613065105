package org.carevoice.reporting;

import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import org.carevoice.identity.StaffDirectory;
import org.carevoice.identity.StaffGroups;
import org.carevoice.organisation.OrganisationService;
import org.springframework.stereotype.Component;

/**
 * Who sees which report: moderation leads and administrators every service; a member of a
 * service's manager group that service, and its site and organisation only as far as his services
 * go; nobody else any. Asking for a service, site or organisation without one of the viewer's
 * services is refused, not answered with an empty report.
 */
@Component
class ReportAccess {

  private final StaffDirectory staff;
  private final OrganisationService organisation;

  ReportAccess(StaffDirectory staff, OrganisationService organisation) {
    this.staff = staff;
    this.organisation = organisation;
  }

  /**
   * The signed-in person as a reader of reports.
   *
   * @param everything whether every service is theirs to see (moderation leads, administrators)
   * @param services the services they see, ordered by organisation, site and name
   * @param all every service (read once per request)
   */
  record Viewer(String user, boolean everything, List<ServiceRef> services, List<ServiceRef> all) {

    Viewer(String user, boolean everything, List<ServiceRef> services) {
      this(user, everything, services, services);
    }

    boolean sees(ServiceRef service) {
      return everything || services.stream().anyMatch(own -> own.id().equals(service.id()));
    }
  }

  /** The viewer, or {@link ReportsNotAllowedException} for someone who may see no report. */
  Viewer viewer(String user) {
    Set<String> groups = Set.copyOf(staff.groupsOf(user));
    List<ServiceRef> all = organisation.allServices().stream().map(ServiceRef::of).toList();
    if (groups.contains(StaffGroups.ADMINS) || groups.contains(StaffGroups.MODERATION_LEADS)) {
      return new Viewer(user, true, all, all);
    }
    List<ServiceRef> managed = all.stream().filter(service -> groups.contains(service.managerGroup())).toList();
    if (managed.isEmpty()) {
      throw new ReportsNotAllowedException();
    }
    return new Viewer(user, false, managed, all);
  }

  /** The scope asked for, as far as the viewer may see it; refused when none of it is theirs. */
  ReportScope scope(Viewer viewer, ReportRequest.Criteria criteria, String yourServices) {
    List<ServiceRef> all = viewer.all();
    String slug = criteria.slug();
    Predicate<ServiceRef> inScope = switch (criteria.scope()) {
      case EVERYTHING -> service -> true;
      case ORGANISATION -> service -> service.organisationSlug().equals(slug);
      case SITE -> service -> service.siteSlug().equals(slug);
      case SERVICE -> service -> service.slug().equals(slug);
    };
    List<ServiceRef> asked = all.stream().filter(inScope).toList();
    List<ServiceRef> seen = asked.stream().filter(viewer::sees).toList();
    if (seen.isEmpty() && !viewer.everything()) {
      throw new ReportsNotAllowedException();
    }
    String name = switch (criteria.scope()) {
      case EVERYTHING -> viewer.everything() ? null : yourServices;
      case ORGANISATION -> asked.isEmpty() ? organisation.allOrganisations().stream()
          .filter(org -> org.getSlug().equals(slug)).findFirst().map(org -> org.getName()).orElse(slug)
          : asked.get(0).organisationName();
      case SITE -> asked.isEmpty() ? organisation.allSites().stream().filter(site -> site.getSlug().equals(slug))
          .findFirst().map(site -> site.getName()).orElse(slug) : asked.get(0).siteName();
      case SERVICE -> asked.isEmpty() ? slug : asked.get(0).fullName();
    };
    boolean everything = viewer.everything() && criteria.scope() == ReportRequest.ScopeKind.EVERYTHING;
    return new ReportScope(criteria.scope(), slug, name, seen, everything, seen.size() < asked.size()
        && criteria.scope() != ReportRequest.ScopeKind.EVERYTHING);
  }
}
