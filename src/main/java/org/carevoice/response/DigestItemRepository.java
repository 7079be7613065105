package org.carevoice.response;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface DigestItemRepository extends JpaRepository<DigestItem, Long> {

  List<DigestItem> findBySentAtIsNullOrderByUserIdAscIdAsc();

  List<DigestItem> findByStoryReference(String storyReference);

  /** The items one digest email listed, in the order it listed them. */
  List<DigestItem> findByOutboxMessageIdOrderByIdAsc(Long outboxMessageId);
}
