package org.carevoice.response;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import org.carevoice.organisation.CareService;

/** A public response by a member of staff of one service to a story. */
@Entity
@Table(name = "response")
public class Response {

  public static final int BODY_MAX = 10_000;

  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "response_seq")
  @SequenceGenerator(name = "response_seq", sequenceName = "response_seq", allocationSize = 1)
  private Long id;

  @Column(name = "story_id", nullable = false)
  private Long storyId;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "service_id")
  private CareService service;

  @Column(nullable = false, length = BODY_MAX)
  private String body;

  /** As shown publicly, e.g. "Craig Wilson". */
  @Column(name = "responder_name", nullable = false, length = 120)
  private String responderName;

  /** As shown publicly, e.g. "Charge Nurse, Emergency Department". */
  @Column(name = "responder_role", nullable = false, length = 160)
  private String responderRole;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "published_at")
  private Instant publishedAt;

  protected Response() {}

  Response(Long storyId, CareService service, String body, String responderName, String responderRole, Instant createdAt) {
    this.storyId = storyId;
    this.service = service;
    this.body = body;
    this.responderName = responderName;
    this.responderRole = responderRole;
    this.createdAt = createdAt;
  }

  void publish(Instant when) {
    this.publishedAt = when;
  }

  public Long getId() {
    return id;
  }

  public Long getStoryId() {
    return storyId;
  }

  public CareService getService() {
    return service;
  }

  public String getBody() {
    return body;
  }

  public String getResponderName() {
    return responderName;
  }

  public String getResponderRole() {
    return responderRole;
  }

  public Instant getCreatedAt() {
    return createdAt;
  }

  public Instant getPublishedAt() {
    return publishedAt;
  }

  public boolean isPublished() {
    return publishedAt != null;
  }
}
