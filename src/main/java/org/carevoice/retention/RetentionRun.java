package org.carevoice.retention;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;

/** How many rows of one kind one nightly run erased, and the limit it applied. Nothing personal. */
@Entity
@Table(name = "retention_run")
public class RetentionRun {

  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "retention_run_seq")
  @SequenceGenerator(name = "retention_run_seq", sequenceName = "retention_run_seq", allocationSize = 1)
  private Long id;

  @Column(name = "run_id", nullable = false, length = 64)
  private String runId;

  @Column(nullable = false, length = 40)
  private String kind;

  @Column(nullable = false)
  private int erased;

  @Column(nullable = false)
  private Instant cutoff;

  @Column(name = "ran_at", nullable = false)
  private Instant ranAt;

  protected RetentionRun() {}

  RetentionRun(String runId, RetentionKind kind, int erased, Instant cutoff, Instant ranAt) {
    this.runId = runId;
    this.kind = kind.code();
    this.erased = erased;
    this.cutoff = cutoff;
    this.ranAt = ranAt;
  }

  public String getRunId() {
    return runId;
  }

  public String getKind() {
    return kind;
  }

  public int getErased() {
    return erased;
  }

  public Instant getCutoff() {
    return cutoff;
  }

  public Instant getRanAt() {
    return ranAt;
  }
}
