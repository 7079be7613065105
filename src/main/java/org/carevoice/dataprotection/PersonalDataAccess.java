package org.carevoice.dataprotection;

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
 * One look at, export or erasure of what is held about a person, by a member of staff. Holds a
 * hash of the address and the stories' references, never the address.
 */
@Entity
@Table(name = "personal_data_access")
public class PersonalDataAccess {

  /** What the member of staff did. */
  public enum Action { SEARCH, EXPORT, ERASE }

  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "personal_data_access_seq")
  @SequenceGenerator(name = "personal_data_access_seq", sequenceName = "personal_data_access_seq", allocationSize = 1)
  private Long id;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 20)
  private Action action;

  @Column(name = "viewed_by", nullable = false, length = 64)
  private String viewedBy;

  @Column(name = "viewed_at", nullable = false)
  private Instant viewedAt;

  @Column(name = "subject_hash", nullable = false, length = 64)
  private String subjectHash;

  @Column(name = "story_references", nullable = false, length = 4000)
  private String storyReferences;

  @Column(nullable = false)
  private int stories;

  @Column(nullable = false)
  private int replies;

  @Column(nullable = false)
  private int emails;

  protected PersonalDataAccess() {}

  PersonalDataAccess(Action action, String viewedBy, Instant viewedAt, String subjectHash, String storyReferences,
      int stories, int replies, int emails) {
    this.action = action;
    this.viewedBy = viewedBy;
    this.viewedAt = viewedAt;
    this.subjectHash = subjectHash;
    this.storyReferences = storyReferences.length() > 4000 ? storyReferences.substring(0, 3999) + "…" : storyReferences;
    this.stories = stories;
    this.replies = replies;
    this.emails = emails;
  }

  public Action getAction() {
    return action;
  }

  public String getViewedBy() {
    return viewedBy;
  }

  public Instant getViewedAt() {
    return viewedAt;
  }

  public String getSubjectHash() {
    return subjectHash;
  }

  public String getStoryReferences() {
    return storyReferences;
  }

  public int getStories() {
    return stories;
  }

  public int getReplies() {
    return replies;
  }

  public int getEmails() {
    return emails;
  }
}
