package org.carevoice.response;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;

/** A published story waiting for a subscriber's next daily digest. */
@Entity
@Table(name = "digest_item")
public class DigestItem {

  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "digest_item_seq")
  @SequenceGenerator(name = "digest_item_seq", sequenceName = "digest_item_seq", allocationSize = 1)
  private Long id;

  @Column(name = "user_id", nullable = false, length = 64)
  private String userId;

  @Column(name = "story_reference", nullable = false, length = 20)
  private String storyReference;

  @Column(nullable = false, length = 150)
  private String title;

  @Column(name = "story_url", nullable = false, length = 300)
  private String storyUrl;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "sent_at")
  private Instant sentAt;

  /** The outbox row of the digest email this item went out in (none if the subscriber had no address). */
  @Column(name = "outbox_message_id")
  private Long outboxMessageId;

  protected DigestItem() {}

  DigestItem(String userId, String storyReference, String title, String storyUrl, Instant now) {
    this.userId = userId;
    this.storyReference = storyReference;
    this.title = title;
    this.storyUrl = storyUrl;
    this.createdAt = now;
  }

  void sent(Instant now, Long outboxMessageId) {
    this.sentAt = now;
    this.outboxMessageId = outboxMessageId;
  }

  public String getUserId() {
    return userId;
  }

  public String getStoryReference() {
    return storyReference;
  }

  public String getTitle() {
    return title;
  }

  public String getStoryUrl() {
    return storyUrl;
  }

  public Instant getSentAt() {
    return sentAt;
  }

  public Long getOutboxMessageId() {
    return outboxMessageId;
  }
}
