package org.carevoice.organisation;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The organisation tree: organisations, their sites and their services. */
@Service
@Transactional(readOnly = true)
public class OrganisationService {

  private final OrganisationRepository organisations;
  private final SiteRepository sites;
  private final CareServiceRepository services;

  OrganisationService(OrganisationRepository organisations, SiteRepository sites, CareServiceRepository services) {
    this.organisations = organisations;
    this.sites = sites;
    this.services = services;
  }

  /** Services grouped by "site, organisation", ordered, for a picker. */
  public Map<String, List<CareService>> servicesBySite() {
    Map<String, List<CareService>> grouped = new LinkedHashMap<>();
    for (CareService service : allServices()) {
      String site = service.getSite().getName() + " (" + service.getSite().getOrganisation().getName() + ")";
      grouped.computeIfAbsent(site, key -> new java.util.ArrayList<>()).add(service);
    }
    return grouped;
  }

  public List<Organisation> allOrganisations() {
    return organisations.findAll(org.springframework.data.domain.Sort.by("name"));
  }

  public List<Site> allSites() {
    return sites.findAll(org.springframework.data.domain.Sort.by("name"));
  }

  /** Every service with its site and organisation. */
  public List<CareService> allServices() {
    return services.findAllWithSites();
  }

  /** A service that must exist (an id from a process variable), with its site and organisation. */
  public CareService requireService(Long id) {
    List<CareService> found = services.findAllWithSitesByIdIn(List.of(id));
    if (found.isEmpty()) {
      throw new IllegalStateException("No service with id " + id);
    }
    return found.get(0);
  }

  public List<CareService> findServices(Collection<Long> ids) {
    return services.findAllWithSitesByIdIn(ids);
  }

  /** A service by its slug, with its site. */
  public Optional<CareService> findBySlug(String slug) {
    return services.findBySlug(slug).map(service -> {
      service.getSite().getOrganisation().getName();
      return service;
    });
  }

  public boolean siteExists(String slug) {
    return sites.findBySlug(slug).isPresent();
  }

  public boolean organisationExists(String slug) {
    return organisations.findBySlug(slug).isPresent();
  }

  /** The whole tree, ordered by name: organisations, their sites, their services. */
  public Map<Organisation, Map<Site, List<CareService>>> tree() {
    Map<Organisation, Map<Site, List<CareService>>> tree = new java.util.TreeMap<>(
        java.util.Comparator.comparing(Organisation::getName).thenComparing(Organisation::getSlug));
    for (CareService service : allServices()) {
      Site site = service.getSite();
      tree.computeIfAbsent(site.getOrganisation(), key -> new java.util.TreeMap<>(
              java.util.Comparator.comparing(Site::getName).thenComparing(Site::getSlug)))
          .computeIfAbsent(site, key -> new java.util.ArrayList<>()).add(service);
    }
    tree.values().forEach(sitesOf -> sitesOf.values().forEach(list -> list.sort(
        java.util.Comparator.comparing(CareService::getName))));
    return tree;
  }

  public Optional<CareService> findService(Long id) {
    return services.findById(id);
  }

  public long countServices() {
    return services.count();
  }

  @Transactional
  public Organisation addOrganisation(String slug, String name) {
    return organisations.findBySlug(slug).orElseGet(() -> organisations.save(new Organisation(slug, name)));
  }

  @Transactional
  public Site addSite(Organisation organisation, String slug, String name) {
    return sites.findBySlug(slug).orElseGet(() -> sites.save(new Site(organisation, slug, name)));
  }

  @Transactional
  public CareService addService(Site site, String slug, String name, ServiceType type, String responderGroup, String managerGroup) {
    return services.findBySlug(slug)
        .orElseGet(() -> services.save(new CareService(site, slug, name, type, responderGroup, managerGroup)));
  }
}
