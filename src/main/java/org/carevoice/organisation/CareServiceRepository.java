package org.carevoice.organisation;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface CareServiceRepository extends JpaRepository<CareService, Long> {

  /** Every service with its site and organisation, in one query, for pickers and filters. */
  @Query("""
      select s from CareService s join fetch s.site site join fetch site.organisation o
      order by o.name, site.name, s.name""")
  List<CareService> findAllWithSites();

  @Query("select s from CareService s join fetch s.site site join fetch site.organisation where s.id in :ids")
  List<CareService> findAllWithSitesByIdIn(Collection<Long> ids);

  Optional<CareService> findBySlug(String slug);
}
