package org.carevoice.dataprotection;

import java.util.List;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;

interface PersonalDataAccessRepository extends JpaRepository<PersonalDataAccess, Long> {

  List<PersonalDataAccess> findAllByOrderByViewedAtDescIdDesc(Pageable page);

  List<PersonalDataAccess> findBySubjectHashOrderByViewedAtAscIdAsc(String subjectHash);
}
