package org.carevoice.earlywarning;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface RaisedWarningRepository extends JpaRepository<RaisedWarning, Long> {

  /** The newest open warning of a service's signal (tag "" for the signals without one). */
  Optional<RaisedWarning> findFirstByServiceIdAndSignalCodeAndTagAndClearedAtIsNullOrderByRaisedAtDescIdDesc(
      Long serviceId, String signalCode, String tag);

  /** The warnings a run raised for a service that have not been emailed yet. */
  List<RaisedWarning> findByServiceIdAndRunIdAndRecipientsIsNullOrderById(Long serviceId, String runId);

  /** A service's warnings, newest first: its history. */
  List<RaisedWarning> findByServiceIdOrderByRaisedAtDescIdDesc(Long serviceId);

  @Modifying
  @Query("""
      update RaisedWarning w set w.clearedAt = :at
      where w.serviceId = :service and w.signalCode = :signal and w.tag = :tag and w.clearedAt is null""")
  int clear(@Param("service") Long serviceId, @Param("signal") String signalCode, @Param("tag") String tag,
      @Param("at") Instant at);

  @Modifying
  @Query(value = "delete from early_warning_story where story_id = :story", nativeQuery = true)
  int forgetStory(@Param("story") Long storyId);
}
