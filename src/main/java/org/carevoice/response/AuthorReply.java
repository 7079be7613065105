package org.carevoice.response;

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

/** The author's reply to a response: personal data, moderated before it is published. */
@Entity
@Table(name = "author_reply")
public class AuthorReply {

  public static final int BODY_MAX = 5_000;

  public enum Status { AWAITING_MODERATION, PUBLISHED, REJECTED }

  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "author_reply_seq")
  @SequenceGenerator(name = "author_reply_seq", sequenceName = "author_reply_seq", allocationSize = 1)
  private Long id;

  @Column(name = "story_id", nullable = false)
  private Long storyId;

  @Column(name = "response_id", nullable = false)
  private Long responseId;

  @Column(nullable = false, length = BODY_MAX)
  private String body;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 20)
  private Status status = Status.AWAITING_MODERATION;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "published_at")
  private Instant publishedAt;

  protected AuthorReply() {}

  AuthorReply(Long storyId, Long responseId, String body, Instant now) {
    this.storyId = storyId;
    this.responseId = responseId;
    this.body = body;
    this.createdAt = now;
  }

  void publish(Instant now) {
    this.status = Status.PUBLISHED;
    this.publishedAt = now;
  }

  void reject() {
    this.status = Status.REJECTED;
  }

  public Long getId() {
    return id;
  }

  public Long getStoryId() {
    return storyId;
  }

  public Long getResponseId() {
    return responseId;
  }

  public String getBody() {
    return body;
  }

  public Status getStatus() {
    return status;
  }

  public Instant getCreatedAt() {
    return createdAt;
  }

  public Instant getPublishedAt() {
    return publishedAt;
  }
}
