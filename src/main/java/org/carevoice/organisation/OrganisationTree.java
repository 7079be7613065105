package org.carevoice.organisation;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The organisation tree as read at one moment: every organisation, site and service, with the
 * orders and look-ups the pages and the processes ask for, built once. Its entities are detached
 * copies made from the rows (never managed by a persistence context), complete with their site and
 * organisation, and nothing here can change them: one tree is shared by every request until
 * {@link OrganisationService} reads a new one.
 */
final class OrganisationTree {

  final List<Organisation> organisations;
  final List<Site> sites;
  final List<CareService> services;
  final Map<Organisation, Map<Site, List<CareService>>> tree;
  final Map<String, List<CareService>> servicesBySite;
  private final Map<Long, CareService> servicesById = new LinkedHashMap<>();
  private final Map<String, CareService> servicesBySlug = new LinkedHashMap<>();
  private final Map<String, Site> sitesBySlug = new LinkedHashMap<>();
  private final Map<String, Organisation> organisationsBySlug = new LinkedHashMap<>();

  /**
   * Three queries, each in the database's own order (its collation, as before the cache): the
   * organisations and the sites by name, the services by organisation, site and service name.
   */
  static OrganisationTree read(JdbcTemplate jdbc) {
    Map<Long, Organisation> organisations = new LinkedHashMap<>();
    jdbc.query("select id, slug, name from organisation order by name", row -> {
      organisations.put(row.getLong(1), new Organisation(row.getLong(1), row.getString(2), row.getString(3)));
    });
    Map<Long, Site> sites = new LinkedHashMap<>();
    jdbc.query("""
        select si.id, si.slug, si.name, o.id, o.slug, o.name from site si
        join organisation o on o.id = si.organisation_id order by si.name""", row -> {
      Organisation organisation = organisations.computeIfAbsent(row.getLong(4),
          id -> new Organisation(id, row_(row, 5), row_(row, 6)));
      sites.put(row.getLong(1), new Site(row.getLong(1), organisation, row.getString(2), row.getString(3)));
    });
    List<CareService> services = new ArrayList<>();
    jdbc.query("""
        select cs.id, cs.slug, cs.name, cs.service_type, cs.responder_group, cs.manager_group,
          si.id, si.slug, si.name, o.id, o.slug, o.name
        from care_service cs join site si on si.id = cs.site_id join organisation o on o.id = si.organisation_id
        order by o.name, si.name, cs.name""", row -> {
      // A row written between the queries still comes with its site and organisation.
      Organisation organisation = organisations.computeIfAbsent(row.getLong(10),
          id -> new Organisation(id, row_(row, 11), row_(row, 12)));
      Site site = sites.computeIfAbsent(row.getLong(7),
          id -> new Site(id, organisation, row_(row, 8), row_(row, 9)));
      services.add(new CareService(row.getLong(1), site, row.getString(2), row.getString(3),
          ServiceType.valueOf(row.getString(4)), row.getString(5), row.getString(6)));
    });
    return new OrganisationTree(List.copyOf(organisations.values()), List.copyOf(sites.values()),
        List.copyOf(services));
  }

  private static String row_(java.sql.ResultSet row, int column) {
    try {
      return row.getString(column);
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private OrganisationTree(List<Organisation> organisations, List<Site> sites, List<CareService> services) {
    this.organisations = organisations;
    this.sites = sites;
    this.services = services;
    organisations.forEach(organisation -> organisationsBySlug.put(organisation.getSlug(), organisation));
    sites.forEach(site -> sitesBySlug.put(site.getSlug(), site));
    services.forEach(service -> {
      servicesById.put(service.getId(), service);
      servicesBySlug.put(service.getSlug(), service);
    });
    this.tree = tree(services);
    Map<String, List<CareService>> grouped = new LinkedHashMap<>();
    for (CareService service : services) {
      String site = service.getSite().getName() + " (" + service.getSite().getOrganisation().getName() + ")";
      grouped.computeIfAbsent(site, key -> new ArrayList<>()).add(service);
    }
    grouped.replaceAll((site, list) -> List.copyOf(list));
    this.servicesBySite = Collections.unmodifiableMap(grouped);
  }

  /** Organisations, their sites, their services, each ordered by name (as the pages always had them). */
  private static Map<Organisation, Map<Site, List<CareService>>> tree(List<CareService> services) {
    Map<Organisation, Map<Site, List<CareService>>> tree = new TreeMap<>(
        Comparator.comparing(Organisation::getName).thenComparing(Organisation::getSlug));
    for (CareService service : services) {
      Site site = service.getSite();
      tree.computeIfAbsent(site.getOrganisation(), key -> new TreeMap<>(
              Comparator.comparing(Site::getName).thenComparing(Site::getSlug)))
          .computeIfAbsent(site, key -> new ArrayList<>()).add(service);
    }
    tree.values().forEach(sitesOf -> sitesOf.replaceAll((site, list) -> {
      List<CareService> sorted = new ArrayList<>(list);
      sorted.sort(Comparator.comparing(CareService::getName));
      return List.copyOf(sorted);
    }));
    tree.replaceAll((organisation, sitesOf) -> Collections.unmodifiableMap(sitesOf));
    return Collections.unmodifiableMap(tree);
  }

  Optional<CareService> service(Long id) {
    return Optional.ofNullable(servicesById.get(id));
  }

  Optional<CareService> service(String slug) {
    return Optional.ofNullable(servicesBySlug.get(slug));
  }

  /** The services with these ids that exist, in the order of the ids, each once. */
  List<CareService> services(Collection<Long> ids) {
    return ids.stream().distinct().map(servicesById::get).filter(java.util.Objects::nonNull).toList();
  }

  Optional<Site> site(String slug) {
    return Optional.ofNullable(sitesBySlug.get(slug));
  }

  Optional<Organisation> organisation(String slug) {
    return Optional.ofNullable(organisationsBySlug.get(slug));
  }

  /** The ids of the services of a service, site or organisation slug (empty when it names none). */
  List<Long> serviceIds(OrganisationService.Place place, String slug) {
    return services.stream().filter(service -> switch (place) {
      case SERVICE -> service.getSlug().equals(slug);
      case SITE -> service.getSite().getSlug().equals(slug);
      case ORGANISATION -> service.getSite().getOrganisation().getSlug().equals(slug);
    }).map(CareService::getId).toList();
  }
}
