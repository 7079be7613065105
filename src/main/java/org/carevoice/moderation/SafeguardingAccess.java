package org.carevoice.moderation;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;

/** One opening of a story's safeguarding page, which shows the author's contact details. */
@Entity
@Table(name = "safeguarding_access")
class SafeguardingAccess {

  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "safeguarding_access_seq")
  @SequenceGenerator(name = "safeguarding_access_seq", sequenceName = "safeguarding_access_seq", allocationSize = 1)
  private Long id;

  @Column(name = "story_id", nullable = false)
  private Long storyId;

  @Column(name = "story_reference", nullable = false, length = 20)
  private String storyReference;

  @Column(name = "viewed_by", nullable = false, length = 64)
  private String viewedBy;

  @Column(name = "viewed_at", nullable = false)
  private Instant viewedAt;

  protected SafeguardingAccess() {}

  SafeguardingAccess(Long storyId, String storyReference, String viewedBy, Instant viewedAt) {
    this.storyId = storyId;
    this.storyReference = storyReference;
    this.viewedBy = viewedBy;
    this.viewedAt = viewedAt;
  }

  String getStoryReference() {
    return storyReference;
  }

  String getViewedBy() {
    return viewedBy;
  }

  Instant getViewedAt() {
    return viewedAt;
  }
}
