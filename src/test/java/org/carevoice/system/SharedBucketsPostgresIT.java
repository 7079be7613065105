package org.carevoice.system;

import org.carevoice.PostgresApplication;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;

/** {@link SharedBucketsTest}'s two nodes sharing one allowance, on PostgreSQL. */
class SharedBucketsPostgresIT {

  @Test
  void twoNodesOnOnePostgresDatabase_allowTheCapacityOnceBetweenThem() throws Exception {
    try (PostgresApplication postgres = PostgresApplication.createDatabase()) {
      new ResourceDatabasePopulator(new ClassPathResource("db/migration/V18__shared_rate_limits.sql"))
          .execute(postgres.dataSource());
      SharedBucketsTest.twoNodesShareOneAllowance(postgres.dataSource());
    }
  }
}
