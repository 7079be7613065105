package org.carevoice.notification;

import java.time.Instant;
import java.util.List;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface OutboxRepository extends JpaRepository<OutboxMessage, Long> {

  @Query("select m.id from OutboxMessage m where m.status = org.carevoice.notification.OutboxStatus.PENDING"
      + " and m.nextAttemptAt <= :now order by m.nextAttemptAt, m.id")
  List<Long> findDue(@Param("now") Instant now, Pageable limit);

  /**
   * Claims one row for one sender. The update is atomic in the database, so of two senders
   * (two threads, or two nodes) exactly one sees 1 and sends; the other sees 0 and does not.
   */
  @Modifying(flushAutomatically = true, clearAutomatically = true)
  @Query("update OutboxMessage m set m.status = org.carevoice.notification.OutboxStatus.SENDING,"
      + " m.claimedAt = :now, m.attempts = m.attempts + 1"
      + " where m.id = :id and m.status = org.carevoice.notification.OutboxStatus.PENDING and m.nextAttemptAt <= :now")
  int claim(@Param("id") Long id, @Param("now") Instant now);

  @Modifying(flushAutomatically = true, clearAutomatically = true)
  @Query("update OutboxMessage m set m.status = org.carevoice.notification.OutboxStatus.SENT, m.sentAt = :now,"
      + " m.lastError = null where m.id = :id and m.status = org.carevoice.notification.OutboxStatus.SENDING")
  int markSent(@Param("id") Long id, @Param("now") Instant now);

  @Modifying(flushAutomatically = true, clearAutomatically = true)
  @Query("update OutboxMessage m set m.status = :status, m.nextAttemptAt = :nextAttemptAt, m.lastError = :error"
      + " where m.id = :id and m.status = org.carevoice.notification.OutboxStatus.SENDING")
  int markFailed(@Param("id") Long id, @Param("status") OutboxStatus status,
      @Param("nextAttemptAt") Instant nextAttemptAt, @Param("error") String error);

  /** Rows left in SENDING by a node that stopped mid-send go back to the queue. */
  @Modifying(flushAutomatically = true, clearAutomatically = true)
  @Query("update OutboxMessage m set m.status = org.carevoice.notification.OutboxStatus.PENDING"
      + " where m.status = org.carevoice.notification.OutboxStatus.SENDING and m.claimedAt < :before")
  int releaseStale(@Param("before") Instant before);

  long countByStatus(OutboxStatus status);

  @Modifying(flushAutomatically = true, clearAutomatically = true)
  @Query("delete from OutboxMessage m where m.about = :about")
  int deleteByAbout(@Param("about") String about);

  /** Puts new text in place; the delivery state is left as it is (a sender may be working on it). */
  @Modifying(flushAutomatically = true, clearAutomatically = true)
  @Query("update OutboxMessage m set m.subject = :subject, m.textBody = :text, m.htmlBody = :html where m.id = :id")
  int rewrite(@Param("id") Long id, @Param("subject") String subject, @Param("text") String text,
      @Param("html") String html);

  @Modifying(flushAutomatically = true, clearAutomatically = true)
  @Query("delete from OutboxMessage m where m.id = :id")
  int deleteMessage(@Param("id") Long id);

  /** Messages of a template whose plain text matches a LIKE pattern (escape character '!'). */
  @Query("select m from OutboxMessage m where m.template = :template and m.textBody like :pattern escape '!'")
  List<OutboxMessage> findByTemplateAndTextLike(@Param("template") String template, @Param("pattern") String pattern);

  /** Sent messages, sent before a time, oldest first: the retention policy's batch. */
  @Query("select m.id from OutboxMessage m where m.status = org.carevoice.notification.OutboxStatus.SENT"
      + " and m.sentAt < :cutoff order by m.sentAt, m.id")
  List<Long> findSentBefore(@Param("cutoff") Instant cutoff, Pageable limit);

  @Modifying(flushAutomatically = true, clearAutomatically = true)
  @Query("delete from OutboxMessage m where m.id in :ids")
  int deleteMessages(@Param("ids") List<Long> ids);

  /** Every message to an address, whatever its state, oldest first (a subject access request). */
  @Query("select m from OutboxMessage m where lower(m.recipient) = lower(:recipient) order by m.createdAt, m.id")
  List<OutboxMessage> findToRecipient(@Param("recipient") String recipient);

  @Modifying(flushAutomatically = true, clearAutomatically = true)
  @Query("delete from OutboxMessage m where lower(m.recipient) = lower(:recipient)")
  int deleteToRecipient(@Param("recipient") String recipient);
}
