package org.carevoice.reporting;

import org.carevoice.organisation.CareService;

/** A service as the reports name and group it. */
record ServiceRef(Long id, String slug, String name, String fullName, String siteSlug, String siteName,
    String organisationSlug, String organisationName, String managerGroup) {

  static ServiceRef of(CareService service) {
    return new ServiceRef(service.getId(), service.getSlug(), service.getName(), service.getFullName(),
        service.getSite().getSlug(), service.getSite().getName(), service.getSite().getOrganisation().getSlug(),
        service.getSite().getOrganisation().getName(), service.getManagerGroup());
  }
}
