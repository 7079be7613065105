package org.carevoice.story;

import java.util.Optional;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface StoryRepository extends JpaRepository<Story, Long> {

  /** Published stories, newest first; the id breaks ties so paging is stable. */
  @Query(value = "select s from Story s where s.status = org.carevoice.story.StoryStatus.PUBLISHED order by s.publishedAt desc, s.id desc",
      countQuery = "select count(s) from Story s where s.status = org.carevoice.story.StoryStatus.PUBLISHED")
  Page<Story> findPublished(Pageable pageable);

  /**
   * A published story with its services and their sites, in one statement. A query string rather
   * than a derived query: Hibernate translates a derived (criteria) query again on every call, a
   * query string once (issue 14, the story page).
   */
  @Query("""
      select s from Story s left join fetch s.services sv left join fetch sv.site
      where s.reference = :reference and s.status = org.carevoice.story.StoryStatus.PUBLISHED""")
  Optional<Story> findPublishedByReference(@org.springframework.data.repository.query.Param("reference") String reference);

  /**
   * The published stories among these ids (a page of a list). A query of its own rather than
   * findAllById, whose criteria query was built and translated again on every call (issue 14).
   */
  @Query("select s from Story s where s.id in :ids and s.status = org.carevoice.story.StoryStatus.PUBLISHED")
  java.util.List<Story> findPublishedByIdIn(@org.springframework.data.repository.query.Param("ids")
      java.util.Collection<Long> ids);

  Optional<Story> findByReference(String reference);

  Optional<Story> findByTrackingTokenHash(String trackingTokenHash);

  /** The bodies of the same author's other stories since a time, for duplicate detection. */
  @Query("select s.body from Story s where s.authorEmail = :email and s.id <> :excluded and s.submittedAt >= :since")
  java.util.List<String> findRecentBodiesByAuthor(@org.springframework.data.repository.query.Param("email") String email,
      @org.springframework.data.repository.query.Param("excluded") Long excluded,
      @org.springframework.data.repository.query.Param("since") java.time.Instant since);

  /** Ended stories of these statuses whose text is still there, ended before a time; oldest first. */
  @Query("select s.id from Story s where s.status in :statuses and s.textErasedAt is null and s.endedAt < :cutoff"
      + " order by s.endedAt, s.id")
  java.util.List<Long> findTextToErase(
      @org.springframework.data.repository.query.Param("statuses") java.util.Collection<StoryStatus> statuses,
      @org.springframework.data.repository.query.Param("cutoff") java.time.Instant cutoff, Pageable page);

  /**
   * Stories whose contact details are still held and whose case ended before a time (the end read
   * from history, or, before it was read, the story's own end); oldest first.
   */
  @Query("select s from Story s where s.status in :statuses and s.contactErasedAt is null"
      + " and coalesce(s.caseEndedAt, s.endedAt) < :cutoff order by coalesce(s.caseEndedAt, s.endedAt), s.id")
  java.util.List<Story> findContactToErase(
      @org.springframework.data.repository.query.Param("statuses") java.util.Collection<StoryStatus> statuses,
      @org.springframework.data.repository.query.Param("cutoff") java.time.Instant cutoff, Pageable page);

  java.util.List<Story> findByReferenceIn(java.util.Collection<String> references);

  /** Every story an email address told, oldest first (a subject access or erasure request). */
  java.util.List<Story> findByAuthorEmailIgnoreCaseOrderBySubmittedAtAscIdAsc(String authorEmail);
}
