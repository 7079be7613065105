package org.carevoice.reporting;

import java.util.List;

/**
 * What a report is about: everything, an organisation, a site or a service, as far as the viewer
 * may see it.
 *
 * @param name how the page names it ("NHS Lanarkshire", "Your services")
 * @param services the services counted, ordered by name
 * @param everything whether every service is counted: the queries then filter on nothing
 * @param narrowed whether the organisation or site asked for holds services the viewer may not
 *     see, which the report leaves out
 */
record ReportScope(ReportRequest.ScopeKind kind, String slug, String name, List<ServiceRef> services,
    boolean everything, boolean narrowed) {

  /** The ids of the services counted, for the queries' {@code in (:services)}. */
  List<Long> serviceIds() {
    return services.stream().map(ServiceRef::id).toList();
  }
}
