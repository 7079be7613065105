package org.carevoice.retention;

import java.util.List;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;

interface RetentionRunRepository extends JpaRepository<RetentionRun, Long> {

  List<RetentionRun> findByRunIdOrderByIdAsc(String runId);

  List<RetentionRun> findAllByOrderByRanAtDescIdDesc(Pageable page);
}
