package org.carevoice.moderation;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface SafeguardingAccessRepository extends JpaRepository<SafeguardingAccess, Long> {

  List<SafeguardingAccess> findByStoryReferenceOrderByViewedAtAscIdAsc(String storyReference);

  List<SafeguardingAccess> findAllByOrderByViewedAtDescIdDesc(org.springframework.data.domain.Pageable page);
}
