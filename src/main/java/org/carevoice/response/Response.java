package org.carevoice.response;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
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
  public static final int RESPONDER_NAME_MAX = 120;
  public static final int RESPONDER_ROLE_MAX = 160;
  /** A planned or made change, as claimed with the response or reported later. */
  public static final int CHANGE_DESCRIPTION_MAX = 2_000;
  /** The moderator's note to the responders when returning a response. */
  public static final int MODERATOR_NOTE_MAX = 2_000;

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
  @Column(name = "responder_name", nullable = false, length = RESPONDER_NAME_MAX)
  private String responderName;

  /** As shown publicly, e.g. "Charge Nurse, Emergency Department". */
  @Column(name = "responder_role", nullable = false, length = RESPONDER_ROLE_MAX)
  private String responderRole;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "published_at")
  private Instant publishedAt;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 20)
  private ResponseStatus status = ResponseStatus.PUBLISHED;

  /** The Camunda user who wrote it (staff id, not shown publicly). */
  @Column(name = "responder_user", length = 64)
  private String responderUser;

  @Column(name = "change_type", length = 20)
  private String changeType;

  @Column(name = "change_description", length = CHANGE_DESCRIPTION_MAX)
  private String changeDescription;

  @Column(name = "moderator_note", length = MODERATOR_NOTE_MAX)
  private String moderatorNote;

  /** When the change became "made": published with the response, or a later update published. */
  @Column(name = "change_made_at")
  private Instant changeMadeAt;

  /** A "change planned" or "change made" update waiting for moderation (its kind is in the update's case). */
  @Column(name = "pending_change", length = CHANGE_DESCRIPTION_MAX)
  private String pendingChange;

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
    this.status = ResponseStatus.PUBLISHED;
    if ("made".equals(changeType) && changeMadeAt == null) {
      this.changeMadeAt = when;
    }
  }

  /** A draft written by a responder, waiting for moderation or fast-track publication. */
  static Response draft(Long storyId, CareService service, String responderUser, Instant now) {
    Response response = new Response(storyId, service, "", "", "", now);
    response.status = ResponseStatus.DRAFT;
    response.responderUser = responderUser;
    return response;
  }

  void write(String body, String name, String role, String changeType, String changeDescription, String responder) {
    this.body = body;
    this.responderName = name;
    this.responderRole = role;
    this.changeType = changeType;
    this.changeDescription = changeDescription;
    this.responderUser = responder;
    this.status = ResponseStatus.AWAITING_MODERATION;
  }

  /** An imported response's change: planned, made with it, or made later (changeMadeAt). */
  void importChange(String type, String description, Instant madeAt) {
    this.changeType = type;
    this.changeDescription = description;
    this.changeMadeAt = madeAt;
  }

  void returnToResponders(String note) {
    this.moderatorNote = note;
    this.status = ResponseStatus.RETURNED;
  }

  void reportChange(String description) {
    this.pendingChange = description;
  }

  /** A moderator published the update: the response shows "Change planned" or "Change made" with it. */
  void publishChange(ChangeKind kind, Instant when) {
    if (pendingChange != null) {
      if (kind == ChangeKind.MADE && !"made".equals(changeType)) {
        this.changeMadeAt = when;
      }
      this.changeType = kind.code();
      this.changeDescription = pendingChange;
      this.pendingChange = null;
    }
  }

  /** Whether staff may report this kind of change on the response now (nothing waiting, and no step back). */
  public boolean acceptsChange(ChangeKind kind) {
    return isPublished() && pendingChange == null && kind.follows(changeType);
  }

  /** Whether any change update can still be reported on it. */
  public boolean acceptsAnyChange() {
    return java.util.Arrays.stream(ChangeKind.values()).anyMatch(this::acceptsChange);
  }

  void declineChange() {
    this.pendingChange = null;
  }

  /**
   * The story was withdrawn: the response is unpublished and every text staff wrote in it is
   * erased, since any of them may quote the author. Who answered for which service, and when,
   * stays for the record.
   */
  void withdraw() {
    this.status = ResponseStatus.WITHDRAWN;
    this.body = "";
    this.responderName = "";
    this.responderRole = "";
    this.changeType = null;
    this.changeDescription = null;
    this.changeMadeAt = null;
    this.moderatorNote = null;
    this.pendingChange = null;
  }

  public String getPendingChange() {
    return pendingChange;
  }

  public ResponseStatus getStatus() {
    return status;
  }

  public String getResponderUser() {
    return responderUser;
  }

  public String getChangeType() {
    return changeType;
  }

  public Instant getChangeMadeAt() {
    return changeMadeAt;
  }

  public String getChangeDescription() {
    return changeDescription;
  }

  public String getModeratorNote() {
    return moderatorNote;
  }

  public boolean isChangeClaimed() {
    return changeType != null && !"none".equals(changeType);
  }

  /** Whole days from the story's publication to this response's, never negative (shown publicly). */
  public long daysAfter(java.time.Instant storyPublishedAt) {
    return Math.max(0, java.time.Duration.between(storyPublishedAt, publishedAt).toDays());
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
    return publishedAt != null && status == ResponseStatus.PUBLISHED;
  }
}
