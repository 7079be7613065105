package org.carevoice.response;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface DigestItemRepository extends JpaRepository<DigestItem, Long> {

  List<DigestItem> findBySentAtIsNullOrderByUserIdAscIdAsc();

  List<DigestItem> findByStoryReference(String storyReference);

  /** The items one digest email listed, in the order it listed them. */
  List<DigestItem> findByOutboxMessageIdOrderByIdAsc(Long outboxMessageId);

  /** Items sent in a digest before a time, oldest first: the retention policy's batch. */
  @org.springframework.data.jpa.repository.Query("select d.id from DigestItem d where d.sentAt < :cutoff order by d.sentAt, d.id")
  List<Long> findSentBefore(@org.springframework.data.repository.query.Param("cutoff") java.time.Instant cutoff,
      org.springframework.data.domain.Pageable limit);

  @org.springframework.data.jpa.repository.Modifying(flushAutomatically = true, clearAutomatically = true)
  @org.springframework.data.jpa.repository.Query("delete from DigestItem d where d.id in :ids")
  int deleteItems(@org.springframework.data.repository.query.Param("ids") List<Long> ids);
}
