package org.carevoice.notification;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * An email, rendered and written in the same transaction as the step that caused it, and
 * delivered after that transaction commits. A rollback therefore sends nothing, and a crash
 * loses nothing.
 */
@Entity
@Table(name = "outbox_message")
public class OutboxMessage {

  static final int BODY_MAX = 100_000;

  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "outbox_message_seq")
  @SequenceGenerator(name = "outbox_message_seq", sequenceName = "outbox_message_seq", allocationSize = 1)
  private Long id;

  /** The story reference the email is about, or null. */
  @Column(length = 20)
  private String about;

  @Column(nullable = false, length = 60)
  private String template;

  @Column(nullable = false, length = 254)
  private String recipient;

  @Column(nullable = false, length = 250)
  private String subject;

  @Column(name = "text_body", nullable = false, length = BODY_MAX)
  private String textBody;

  @Column(name = "html_body", nullable = false, length = BODY_MAX)
  private String htmlBody;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 20)
  private OutboxStatus status = OutboxStatus.PENDING;

  @Column(nullable = false)
  private int attempts;

  @Column(name = "next_attempt_at", nullable = false)
  private Instant nextAttemptAt;

  @Column(name = "claimed_at")
  private Instant claimedAt;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "sent_at")
  private Instant sentAt;

  /** The exception type and message of the last failure; never the recipient. */
  @Column(name = "last_error", length = 500)
  private String lastError;

  protected OutboxMessage() {}

  OutboxMessage(String about, String template, String recipient, String subject, String textBody, String htmlBody, Instant now) {
    this.about = about;
    this.template = template;
    this.recipient = recipient;
    this.subject = subject;
    this.textBody = textBody;
    this.htmlBody = htmlBody;
    this.createdAt = now;
    this.nextAttemptAt = now;
  }

  public Long getId() {
    return id;
  }

  public String getAbout() {
    return about;
  }

  public String getTemplate() {
    return template;
  }

  public String getRecipient() {
    return recipient;
  }

  public String getSubject() {
    return subject;
  }

  public String getTextBody() {
    return textBody;
  }

  public String getHtmlBody() {
    return htmlBody;
  }

  public OutboxStatus getStatus() {
    return status;
  }

  public int getAttempts() {
    return attempts;
  }

  public Instant getNextAttemptAt() {
    return nextAttemptAt;
  }

  public Instant getCreatedAt() {
    return createdAt;
  }

  public Instant getSentAt() {
    return sentAt;
  }

  public String getLastError() {
    return lastError;
  }
}
