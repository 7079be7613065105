package org.carevoice.reporting;

import org.carevoice.PostgresApplication;
import org.carevoice.organisation.OrganisationService;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The same figures on PostgreSQL: percentile_cont and the hours between two timestamps with time
 * zone are PostgreSQL's own there (ReportQueries.hoursBetween), and month boundaries must hold in
 * a database whose time zone is not Scotland's.
 */
class ReportFiguresPostgresIT {

  @Test
  void everyFigureOfTheKnownDataSet_onPostgresql() {
    try (PostgresApplication postgres = PostgresApplication.start(
        "--spring.datasource.hikari.connection-init-sql=set time zone 'America/New_York'")) {
      ConfigurableApplicationContext context = postgres.context();
      JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
      OrganisationService organisation = context.getBean(OrganisationService.class);
      ReportDataSet.load(jdbc, organisation);
      new ReportFigureChecks(context.getBean(ReportQueries.class), context.getBean(ReportAccess.class), organisation)
          .checkAll();
    }
  }
}
