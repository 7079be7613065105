package org.carevoice.publication;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;

/** A member of staff shared a published story with a team or a colleague (counted in the reports). */
@Entity
@Table(name = "story_share")
class StoryShare {

  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "story_share_seq")
  @SequenceGenerator(name = "story_share_seq", sequenceName = "story_share_seq", allocationSize = 1)
  private Long id;

  @Column(name = "story_id", nullable = false)
  private Long storyId;

  @Column(name = "shared_by", nullable = false, length = 64)
  private String sharedBy;

  @Column(name = "shared_with_group", length = 64)
  private String sharedWithGroup;

  @Column(name = "shared_with_user", length = 64)
  private String sharedWithUser;

  /** How many people were emailed. */
  @Column(nullable = false)
  private int recipients;

  @Column(name = "shared_at", nullable = false)
  private Instant sharedAt;

  protected StoryShare() {}

  StoryShare(Long storyId, String sharedBy, String group, String colleague, int recipients, Instant now) {
    this.storyId = storyId;
    this.sharedBy = sharedBy;
    this.sharedWithGroup = group;
    this.sharedWithUser = colleague;
    this.recipients = recipients;
    this.sharedAt = now;
  }
}
