package org.carevoice.response;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface DigestItemRepository extends JpaRepository<DigestItem, Long> {

  List<DigestItem> findBySentAtIsNullOrderByUserIdAscIdAsc();

  long deleteByStoryReferenceAndSentAtIsNull(String storyReference);
}
