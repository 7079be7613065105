package org.carevoice.publication;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface StaffRecognitionRepository extends JpaRepository<StaffRecognition, Long> {

  boolean existsByStoryIdAndServiceId(Long storyId, Long serviceId);

  List<StaffRecognition> findByServiceIdOrderByRecognisedAtDesc(Long serviceId);

  List<StaffRecognition> findByStoryId(Long storyId);
}
