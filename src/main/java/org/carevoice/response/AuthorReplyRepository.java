package org.carevoice.response;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface AuthorReplyRepository extends JpaRepository<AuthorReply, Long> {

  /** A story's published replies, oldest first (a query string: translated once, not on every call). */
  @org.springframework.data.jpa.repository.Query("select r from AuthorReply r where r.storyId = :storyId"
      + " and r.status = org.carevoice.response.AuthorReply.Status.PUBLISHED order by r.publishedAt, r.id")
  List<AuthorReply> findPublishedByStoryId(@org.springframework.data.repository.query.Param("storyId") Long storyId);

  List<AuthorReply> findByStoryIdOrderById(Long storyId);

  long deleteByStoryId(Long storyId);

  /** Declined replies written before a time, oldest first: the retention policy's batch. */
  @org.springframework.data.jpa.repository.Query("select r.id from AuthorReply r"
      + " where r.status = org.carevoice.response.AuthorReply.Status.REJECTED and r.createdAt < :cutoff"
      + " order by r.createdAt, r.id")
  List<Long> findDeclinedBefore(@org.springframework.data.repository.query.Param("cutoff") java.time.Instant cutoff,
      org.springframework.data.domain.Pageable limit);

  @org.springframework.data.jpa.repository.Modifying(flushAutomatically = true, clearAutomatically = true)
  @org.springframework.data.jpa.repository.Query("delete from AuthorReply r where r.id in :ids")
  int deleteReplies(@org.springframework.data.repository.query.Param("ids") List<Long> ids);

  List<AuthorReply> findByStoryIdInOrderByCreatedAtAscIdAsc(java.util.Collection<Long> storyIds);
}
