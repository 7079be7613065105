package org.carevoice.story;

import jakarta.persistence.EntityManager;
import java.time.Year;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.springframework.stereotype.Component;

/**
 * Issues public references, CV-YYYY-NNNNNN, from the database sequence {@code
 * story_reference_seq}: unique across nodes, and known before the story row is written.
 */
@Component
class StoryReferences {

  private final EntityManager entityManager;
  private volatile String nextValueSql;

  StoryReferences(EntityManager entityManager) {
    this.entityManager = entityManager;
  }

  String next(Year year) {
    Number value = (Number) entityManager.createNativeQuery(nextValueSql()).getSingleResult();
    return String.format("CV-%d-%06d", year.getValue(), value.longValue());
  }

  /** The dialect's own syntax: {@code nextval('...')} on PostgreSQL, {@code next value for ...} on H2. */
  private String nextValueSql() {
    if (nextValueSql == null) {
      nextValueSql = entityManager.getEntityManagerFactory().unwrap(SessionFactoryImplementor.class)
          .getJdbcServices().getDialect().getSequenceSupport().getSequenceNextValString("story_reference_seq");
    }
    return nextValueSql;
  }
}
