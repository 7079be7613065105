package org.carevoice.publication;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;

/** A published story that staff marked as recognition for one of its services. */
@Entity
@Table(name = "staff_recognition")
class StaffRecognition {

  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "staff_recognition_seq")
  @SequenceGenerator(name = "staff_recognition_seq", sequenceName = "staff_recognition_seq", allocationSize = 1)
  private Long id;

  @Column(name = "story_id", nullable = false)
  private Long storyId;

  @Column(name = "service_id", nullable = false)
  private Long serviceId;

  @Column(name = "recognised_by", nullable = false, length = 64)
  private String recognisedBy;

  @Column(name = "recognised_at", nullable = false)
  private Instant recognisedAt;

  protected StaffRecognition() {}

  StaffRecognition(Long storyId, Long serviceId, String recognisedBy, Instant now) {
    this.storyId = storyId;
    this.serviceId = serviceId;
    this.recognisedBy = recognisedBy;
    this.recognisedAt = now;
  }

  Long getStoryId() {
    return storyId;
  }

  Long getServiceId() {
    return serviceId;
  }

  String getRecognisedBy() {
    return recognisedBy;
  }
}
