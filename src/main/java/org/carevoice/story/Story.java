package org.carevoice.story;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.carevoice.organisation.CareService;
import org.hibernate.annotations.BatchSize;

/**
 * A story told by a patient, service user, carer or relative. The text, the pseudonym and the
 * email address are personal data: they live only in this table, never in process variables.
 */
@Entity
@Table(name = "story")
public class Story {

  public static final int TITLE_MAX = 150;
  public static final int BODY_MAX = 20_000;

  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "story_seq")
  @SequenceGenerator(name = "story_seq", sequenceName = "story_seq", allocationSize = 1)
  private Long id;

  @Version
  private int version;

  /** The public reference, e.g. CV-2026-000123; the process instance's business key. */
  @Column(nullable = false, unique = true, length = 20)
  private String reference;

  @Column(nullable = false, length = TITLE_MAX)
  private String title;

  @Column(nullable = false, length = BODY_MAX)
  private String body;

  @Column(name = "author_pseudonym", length = 80)
  private String authorPseudonym;

  @Column(name = "author_email", length = 254)
  private String authorEmail;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 30)
  private Relationship relationship;

  /** First day of the month the care happened in. */
  @Column(name = "happened_in", nullable = false)
  private LocalDate happenedIn;

  @ManyToMany(fetch = FetchType.LAZY)
  @JoinTable(name = "story_service",
      joinColumns = @JoinColumn(name = "story_id"),
      inverseJoinColumns = @JoinColumn(name = "service_id"))
  @BatchSize(size = 50)
  private Set<CareService> services = new LinkedHashSet<>();

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 20)
  private StoryStatus status = StoryStatus.SUBMITTED;

  /** 0 not critical ... 5 severely critical. Staff only, never shown publicly. */
  private Integer criticality;

  @ElementCollection(fetch = FetchType.LAZY)
  @CollectionTable(name = "story_tag", joinColumns = @JoinColumn(name = "story_id"))
  @Column(name = "tag", length = 60)
  @BatchSize(size = 50)
  private Set<String> tags = new LinkedHashSet<>();

  @Column(name = "rejection_reason", length = 40)
  private String rejectionReason;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 20)
  private Channel channel = Channel.WEB;

  /** SHA-256 of the author's private tracking token; the token itself is never stored. */
  @Column(name = "tracking_token_hash", nullable = false, unique = true, length = 64)
  private String trackingTokenHash;

  @Column(name = "submitted_at", nullable = false)
  private Instant submittedAt;

  @Column(name = "decided_at")
  private Instant decidedAt;

  @Column(name = "published_at")
  private Instant publishedAt;

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  protected Story() {}

  Story(String reference, String title, String body, String authorPseudonym, String authorEmail, Relationship relationship,
      LocalDate happenedIn, List<CareService> services, Channel channel, String trackingTokenHash, Instant now) {
    this.reference = reference;
    this.title = title;
    this.body = body;
    this.authorPseudonym = authorPseudonym;
    this.authorEmail = authorEmail;
    this.relationship = relationship;
    this.happenedIn = happenedIn;
    this.services.addAll(services);
    this.channel = channel;
    this.trackingTokenHash = trackingTokenHash;
    this.submittedAt = now;
    this.updatedAt = now;
  }

  void publish(Integer criticality, Instant now) {
    requireStatus(StoryStatus.SUBMITTED);
    this.criticality = criticality;
    this.status = StoryStatus.PUBLISHED;
    this.decidedAt = now;
    this.publishedAt = now;
    this.updatedAt = now;
  }

  void reject(String reasonCode, Integer criticality, Instant now) {
    requireStatus(StoryStatus.SUBMITTED);
    this.criticality = criticality;
    this.rejectionReason = reasonCode;
    this.status = StoryStatus.REJECTED;
    this.decidedAt = now;
    this.updatedAt = now;
  }

  /** Demo data only: a story as it would stand after moderation, at a time in the past. */
  void publishedAt(Integer criticality, Instant when) {
    this.submittedAt = when.minusSeconds(86_400);
    publish(criticality, when);
  }

  private void requireStatus(StoryStatus expected) {
    if (status != expected) {
      throw new IllegalStateException("Story " + reference + " is " + status + ", expected " + expected);
    }
  }

  public Long getId() {
    return id;
  }

  public String getReference() {
    return reference;
  }

  public String getTitle() {
    return title;
  }

  public String getBody() {
    return body;
  }

  public String getAuthorPseudonym() {
    return authorPseudonym;
  }

  public String getAuthorEmail() {
    return authorEmail;
  }

  public Relationship getRelationship() {
    return relationship;
  }

  public LocalDate getHappenedIn() {
    return happenedIn;
  }

  public Set<CareService> getServices() {
    return services;
  }

  public StoryStatus getStatus() {
    return status;
  }

  public Integer getCriticality() {
    return criticality;
  }

  public Set<String> getTags() {
    return tags;
  }

  public String getRejectionReason() {
    return rejectionReason;
  }

  public Channel getChannel() {
    return channel;
  }

  public Instant getSubmittedAt() {
    return submittedAt;
  }

  public Instant getDecidedAt() {
    return decidedAt;
  }

  public Instant getPublishedAt() {
    return publishedAt;
  }

  public Instant getUpdatedAt() {
    return updatedAt;
  }
}
