package org.carevoice.earlywarning;

import org.carevoice.PostgresApplication;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The early warning's figures on PostgreSQL, on a database of the test's own, against the same
 * known data set as on H2 ({@link WarningFiguresTest}). Connection settings: {@link PostgresApplication}.
 */
class WarningFiguresPostgresIT {

  @Test
  void everyFigure_onItsWindowsEdges_onPostgres() {
    try (PostgresApplication postgres = PostgresApplication.start()) {
      ConfigurableApplicationContext app = postgres.context();
      new FiguresDataSet(app).assertFigures(app.getBean(WarningFigures.class));
    }
  }
}
