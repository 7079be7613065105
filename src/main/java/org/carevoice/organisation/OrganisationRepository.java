package org.carevoice.organisation;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface OrganisationRepository extends JpaRepository<Organisation, Long> {

  Optional<Organisation> findBySlug(String slug);
}
