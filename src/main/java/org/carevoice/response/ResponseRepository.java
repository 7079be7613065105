package org.carevoice.response;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface ResponseRepository extends JpaRepository<Response, Long> {

  @Query("""
      select r from Response r join fetch r.service s join fetch s.site
      where r.storyId = :storyId and r.publishedAt is not null and r.status = org.carevoice.response.ResponseStatus.PUBLISHED
      order by r.publishedAt, r.id""")
  List<Response> findPublishedByStoryId(Long storyId);

  List<Response> findByStoryId(Long storyId);

  long countByResponderUserAndStatus(String responderUser, ResponseStatus status);

  @Query("select count(r) from Response r where r.responderUser = :user and r.moderatorNote is not null and r.createdAt >= :since")
  long countReturnedSince(@org.springframework.data.repository.query.Param("user") String user,
      @org.springframework.data.repository.query.Param("since") java.time.Instant since);

  /** Of these stories, the ones with at least one published response. */
  @Query("select distinct r.storyId from Response r where r.storyId in :storyIds and r.status = org.carevoice.response.ResponseStatus.PUBLISHED")
  java.util.Set<Long> findStoryIdsWithPublishedResponse(@org.springframework.data.repository.query.Param("storyIds") java.util.Collection<Long> storyIds);

  /** A service's published responses that plan or report a change, newest first. */
  @Query("""
      select r from Response r where r.service.id = :serviceId and r.status = org.carevoice.response.ResponseStatus.PUBLISHED
      and r.changeType in ('planned', 'made') order by r.publishedAt desc, r.id desc""")
  List<Response> findPublishedChanges(@org.springframework.data.repository.query.Param("serviceId") Long serviceId,
      org.springframework.data.domain.Pageable pageable);

  /** The latest published responses of these services, newest first, with their services. */
  @Query("""
      select r from Response r join fetch r.service s join fetch s.site
      where s.id in :serviceIds and r.status = org.carevoice.response.ResponseStatus.PUBLISHED
      order by r.publishedAt desc, r.id desc""")
  List<Response> findLatestPublished(@org.springframework.data.repository.query.Param("serviceIds")
      java.util.Collection<Long> serviceIds, org.springframework.data.domain.Pageable pageable);
}
