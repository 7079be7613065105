package org.carevoice.publication;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface StaffRecognitionRepository extends JpaRepository<StaffRecognition, Long> {

  boolean existsByStoryIdAndServiceId(Long storyId, Long serviceId);

  List<StaffRecognition> findByServiceIdOrderByRecognisedAtDesc(Long serviceId);

  long deleteByStoryId(Long storyId);

  List<StaffRecognition> findByStoryId(Long storyId);
}
