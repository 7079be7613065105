package org.carevoice.reporting;

import org.carevoice.CarevoiceTest;
import org.carevoice.organisation.OrganisationService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** Every report figure against a known data set, on H2 (ReportFiguresPostgresIT: the same on PostgreSQL). */
@CarevoiceTest
class ReportFiguresTest {

  @Autowired JdbcTemplate jdbc;
  @Autowired OrganisationService organisation;
  @Autowired ReportQueries queries;
  @Autowired ReportAccess access;

  ReportFigureChecks checks;

  @BeforeEach
  void loadDataSet() {
    ReportDataSet.load(jdbc, organisation);
    checks = new ReportFigureChecks(queries, access, organisation);
  }

  @Test
  void organisation_everyFigureOfJune() {
    checks.checkOrganisation();
  }

  @Test
  void customPeriods_notMadeOfWholeMonths() {
    checks.checkCustomPeriods();
  }

  @Test
  void siteAndService_countOnlyTheirServices() {
    checks.checkSiteAndService();
  }

  @Test
  void overdueList_holdsTheOverdueCaseOfTheScope() {
    checks.checkOverdueList();
  }
}
