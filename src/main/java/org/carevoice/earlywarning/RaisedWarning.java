package org.carevoice.earlywarning;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * A warning the daily check raised for a service: the signal, the figures the decision saw, the rule
 * that fired, the stories behind it, and when the managers were emailed. Open until a later run no
 * longer finds the signal ({@link #getClearedAt()}). Nothing personal (table early_warning).
 */
@Entity
@Table(name = "early_warning")
public class RaisedWarning {

  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "early_warning_seq")
  @SequenceGenerator(name = "early_warning_seq", sequenceName = "early_warning_seq", allocationSize = 1)
  private Long id;

  @Column(name = "service_id", nullable = false)
  private Long serviceId;

  @Column(name = "signal_code", nullable = false, length = 40)
  private String signalCode;

  /** The improve:... tag, or "" (part of the key, so never null). */
  @Column(nullable = false, length = 60)
  private String tag;

  @Column(nullable = false)
  private int figure;

  @Column(name = "matching_now", nullable = false)
  private int matchingNow;

  @Column(name = "total_now", nullable = false)
  private int totalNow;

  @Column(name = "matching_before")
  private Integer matchingBefore;

  @Column(name = "total_before")
  private Integer totalBefore;

  @Column(name = "share_now")
  private Double shareNow;

  @Column(name = "share_before")
  private Double shareBefore;

  @Column(nullable = false, length = 300)
  private String threshold;

  @Column(name = "quiet_days", nullable = false)
  private int quietDays;

  @Column(name = "run_id", nullable = false, length = 64)
  private String runId;

  @Column(name = "raised_at", nullable = false)
  private Instant raisedAt;

  @Column(name = "last_seen_at", nullable = false)
  private Instant lastSeenAt;

  @Column(name = "sent_at")
  private Instant sentAt;

  private Integer recipients;

  @Column(name = "cleared_at")
  private Instant clearedAt;

  @ElementCollection(fetch = FetchType.EAGER)
  @CollectionTable(name = "early_warning_story", joinColumns = @JoinColumn(name = "early_warning_id"))
  @Column(name = "story_id", nullable = false)
  private Set<Long> storyIds = new LinkedHashSet<>();

  protected RaisedWarning() {}

  RaisedWarning(Long serviceId, Check check, Figures figures, EarlyWarning.FiredRule rule, String runId, Instant at) {
    this.serviceId = serviceId;
    this.signalCode = check.signal().code();
    this.tag = check.tag() == null ? "" : check.tag();
    this.figure = figures.figure();
    this.matchingNow = figures.matchingNow();
    this.totalNow = figures.totalNow();
    this.matchingBefore = figures.matchingBefore();
    this.totalBefore = figures.totalBefore();
    this.shareNow = figures.shareNow();
    this.shareBefore = figures.shareBefore();
    this.threshold = rule.threshold().length() > 300 ? rule.threshold().substring(0, 300) : rule.threshold();
    this.quietDays = rule.quietDays();
    this.runId = runId;
    this.raisedAt = at;
    this.lastSeenAt = at;
    this.storyIds.addAll(figures.storyIds());
  }

  /** Still there, and not new: within its quiet period. */
  void seenAgain(Instant at) {
    this.lastSeenAt = at;
  }

  boolean isQuietAt(Instant at) {
    return raisedAt.plus(java.time.Duration.ofDays(quietDays)).isAfter(at);
  }

  void sent(Instant at, int recipients) {
    this.sentAt = recipients > 0 ? at : null;
    this.recipients = recipients;
  }

  void cleared(Instant at) {
    this.clearedAt = at;
  }

  public Long getId() {
    return id;
  }

  public Long getServiceId() {
    return serviceId;
  }

  public Signal getSignal() {
    return Signal.ofCode(signalCode);
  }

  /** The improve:... tag, or null. */
  public String getTag() {
    return tag.isEmpty() ? null : tag;
  }

  public int getFigure() {
    return figure;
  }

  public int getMatchingNow() {
    return matchingNow;
  }

  public int getTotalNow() {
    return totalNow;
  }

  public Integer getMatchingBefore() {
    return matchingBefore;
  }

  public Integer getTotalBefore() {
    return totalBefore;
  }

  public Double getShareNow() {
    return shareNow;
  }

  public Double getShareBefore() {
    return shareBefore;
  }

  public String getThreshold() {
    return threshold;
  }

  public int getQuietDays() {
    return quietDays;
  }

  public String getRunId() {
    return runId;
  }

  public Instant getRaisedAt() {
    return raisedAt;
  }

  public Instant getLastSeenAt() {
    return lastSeenAt;
  }

  public Instant getSentAt() {
    return sentAt;
  }

  public Integer getRecipients() {
    return recipients;
  }

  public Instant getClearedAt() {
    return clearedAt;
  }

  public Set<Long> getStoryIds() {
    return Set.copyOf(storyIds);
  }
}
