package org.carevoice.story;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EntityListeners;
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
@EntityListeners(StoryWrites.class)
public class Story {

  public static final int TITLE_MAX = 150;
  public static final int BODY_MAX = 20_000;
  /** The moderator's message to the author (a request for changes, a rejection's note). */
  public static final int MODERATOR_MESSAGE_MAX = 2_000;
  static final String WITHDRAWN_TITLE = "Withdrawn story";

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
  /** The staff user who entered a story taken by phone or on paper; null when the author told it. */
  @Column(name = "entered_by", length = 64)
  private String enteredBy;

  /** Null once the retention policy erased the author's contact details: the private link then stops working. */
  @Column(name = "tracking_token_hash", unique = true, length = 64)
  private String trackingTokenHash;

  @Column(name = "submitted_at", nullable = false)
  private Instant submittedAt;

  @Column(name = "decided_at")
  private Instant decidedAt;

  @Column(name = "published_at")
  private Instant publishedAt;

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  @Column(name = "flag_safeguarding", nullable = false)
  private boolean flagSafeguarding;

  @Column(name = "flag_spam", nullable = false)
  private boolean flagSpam;

  @Column(name = "flag_abusive", nullable = false)
  private boolean flagAbusive;

  @Column(name = "flag_duplicate", nullable = false)
  private boolean flagDuplicate;

  @Column(name = "flag_too_long", nullable = false)
  private boolean flagTooLong;

  @Column(name = "honeypot_tripped", nullable = false)
  private boolean honeypotTripped;

  /** Personal data: the identifiers found in the text, as JSON. Erased with the story. */
  @Column(name = "identifier_findings", length = 40_000)
  private String identifierFindings;

  @Column(name = "identifiers_found")
  private Integer identifiersFound;

  @Column(name = "moderator_message", length = MODERATOR_MESSAGE_MAX)
  private String moderatorMessage;

  @Column(name = "moderated_by", length = 64)
  private String moderatedBy;

  @Column(name = "safeguarding_decision", length = 20)
  private String safeguardingDecision;

  @Column(name = "edit_requested_at")
  private Instant editRequestedAt;

  @Column(name = "ended_at")
  private Instant endedAt;

  /** When the story's case (its story-lifecycle process) ended, as the retention run found it in history. */
  @Column(name = "case_ended_at")
  private Instant caseEndedAt;

  /** When the text was erased, by withdrawal or by the retention policy (V16). */
  @Column(name = "text_erased_at")
  private Instant textErasedAt;

  /** When the retention policy erased the author's email and the private link's hash (V16). */
  @Column(name = "contact_erased_at")
  private Instant contactErasedAt;

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
    if (criticality != null) {
      this.criticality = criticality;
    }
    this.status = StoryStatus.PUBLISHED;
    this.decidedAt = now;
    this.publishedAt = now;
    this.endedAt = now;
    this.updatedAt = now;
  }

  void reject(String reasonCode, Integer criticality, Instant now) {
    requireStatus(StoryStatus.SUBMITTED);
    if (criticality != null) {
      this.criticality = criticality;
    }
    this.rejectionReason = reasonCode;
    this.status = StoryStatus.REJECTED;
    this.decidedAt = now;
    this.endedAt = now;
    this.updatedAt = now;
  }

  void recordScreening(boolean safeguarding, boolean spam, boolean abusive, boolean duplicate, boolean tooLong,
      Instant now) {
    this.flagSafeguarding = safeguarding;
    this.flagSpam = spam;
    this.flagAbusive = abusive;
    this.flagDuplicate = duplicate;
    this.flagTooLong = tooLong;
    this.updatedAt = now;
  }

  void recordFindings(String findingsJson, int count, Instant now) {
    this.identifierFindings = findingsJson;
    this.identifiersFound = count;
    this.updatedAt = now;
  }

  /** What the moderator decided and changed; the text may have been edited (redacted). */
  void recordModeration(String moderator, Integer criticality, String title, String body, Set<String> newTags,
      List<CareService> newServices, String messageToAuthor, Instant now) {
    requireStatus(StoryStatus.SUBMITTED);
    this.moderatedBy = moderator;
    this.criticality = criticality;
    if (title != null && !title.isBlank()) {
      this.title = title.strip();
    }
    if (body != null && !body.isBlank()) {
      this.body = body.strip();
    }
    this.tags.clear();
    this.tags.addAll(newTags);
    if (!newServices.isEmpty()) {
      this.services.clear();
      this.services.addAll(newServices);
    }
    this.moderatorMessage = messageToAuthor == null || messageToAuthor.isBlank() ? null : messageToAuthor.strip();
    this.updatedAt = now;
  }

  void recordRedaction(String newTitle, String newBody, Instant now) {
    requireStatus(StoryStatus.SUBMITTED);
    if (newTitle != null && !newTitle.isBlank()) {
      this.title = newTitle.strip();
    }
    if (newBody != null && !newBody.isBlank()) {
      this.body = newBody.strip();
    }
    this.updatedAt = now;
  }

  void requestChanges(Instant now) {
    requireStatus(StoryStatus.SUBMITTED);
    this.status = StoryStatus.AWAITING_EDIT;
    this.editRequestedAt = now;
    this.updatedAt = now;
  }

  /** The author's edited story: back to screening and moderation. */
  void edit(String newTitle, String newBody, Instant now) {
    requireStatus(StoryStatus.AWAITING_EDIT);
    this.title = newTitle.strip();
    this.body = newBody.strip();
    this.status = StoryStatus.SUBMITTED;
    this.updatedAt = now;
  }

  void closeNotEdited(Instant now) {
    requireStatus(StoryStatus.AWAITING_EDIT);
    this.status = StoryStatus.CLOSED_NOT_EDITED;
    this.endedAt = now;
    this.updatedAt = now;
  }

  void recordSafeguardingDecision(String decision, Instant now) {
    this.safeguardingDecision = decision;
    this.updatedAt = now;
  }

  /**
   * Unpublishes and erases what the author wrote and how to reach them. The reference, the
   * services and the dates stay, so the case remains countable and the private link can say
   * "withdrawn".
   */
  void withdraw(Instant now) {
    this.status = StoryStatus.WITHDRAWN;
    eraseText(now);
    this.endedAt = now;
  }

  /**
   * Erases what the author wrote and how to reach them by email, keeping the status: withdrawal's
   * erasure, which the retention policy also applies to rejected and closed stories. The private
   * link's hash stays (its page says what became of the story) until {@link #eraseContact}.
   */
  void eraseText(Instant now) {
    this.title = WITHDRAWN_TITLE;
    this.body = "";
    this.authorPseudonym = null;
    this.authorEmail = null;
    this.identifierFindings = null;
    this.identifiersFound = null;
    this.moderatorMessage = null;
    this.tags.clear();
    this.textErasedAt = now;
    this.updatedAt = now;
  }

  /**
   * The retention policy, a set time after the case ended: the author's email and the private
   * link's hash go; the reference, the published text and the dates stay.
   */
  void eraseContact(Instant now) {
    this.authorEmail = null;
    this.trackingTokenHash = null;
    this.contactErasedAt = now;
    this.updatedAt = now;
  }

  void caseEndedAt(Instant when) {
    this.caseEndedAt = when;
  }

  /**
   * An imported story (the demo's year of history) as its decision left it: published, rejected or
   * withdrawn, with the dates of each step. A withdrawn one is erased as on withdrawal.
   */
  void imported(StoryService.ImportedDecision decision) {
    this.submittedAt = decision.submittedAt();
    this.criticality = decision.criticality();
    this.decidedAt = decision.decidedAt();
    this.publishedAt = decision.publishedAt();
    this.status = decision.status();
    this.endedAt = decision.endedAt();
    this.updatedAt = decision.endedAt() != null ? decision.endedAt() : decision.submittedAt();
    if (decision.status() == StoryStatus.REJECTED) {
      this.rejectionReason = "off-topic";
    }
    if (decision.status() == StoryStatus.WITHDRAWN) {
      withdraw(decision.endedAt());
    }
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

  public String getEnteredBy() {
    return enteredBy;
  }

  void enteredBy(String staffUserId) {
    this.enteredBy = staffUserId;
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

  public boolean isFlagSafeguarding() {
    return flagSafeguarding;
  }

  public boolean isFlagSpam() {
    return flagSpam;
  }

  public boolean isFlagAbusive() {
    return flagAbusive;
  }

  public boolean isFlagDuplicate() {
    return flagDuplicate;
  }

  public boolean isFlagTooLong() {
    return flagTooLong;
  }

  public boolean isHoneypotTripped() {
    return honeypotTripped;
  }

  void replaceTrackingToken(String newHash) {
    this.trackingTokenHash = newHash;
  }

  /** The tags the author chose when telling the story (known codes only). */
  void tagOnSubmission(java.util.Collection<String> codes) {
    codes.stream().filter(StoryTags::isKnown).forEach(tags::add);
  }

  void tripHoneypot() {
    this.honeypotTripped = true;
  }

  public String getIdentifierFindings() {
    return identifierFindings;
  }

  public Integer getIdentifiersFound() {
    return identifiersFound;
  }

  public String getModeratorMessage() {
    return moderatorMessage;
  }

  public String getModeratedBy() {
    return moderatedBy;
  }

  public String getSafeguardingDecision() {
    return safeguardingDecision;
  }

  public Instant getEditRequestedAt() {
    return editRequestedAt;
  }

  public Instant getEndedAt() {
    return endedAt;
  }

  public Instant getCaseEndedAt() {
    return caseEndedAt;
  }

  public Instant getTextErasedAt() {
    return textErasedAt;
  }

  /** Whether the private link still works (its hash is held). */
  public boolean hasPrivateLink() {
    return trackingTokenHash != null;
  }

  public Instant getContactErasedAt() {
    return contactErasedAt;
  }
}
