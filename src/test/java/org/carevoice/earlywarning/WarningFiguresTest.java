package org.carevoice.earlywarning;

import org.carevoice.CarevoiceTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/** The early warning's figures on H2, against a known data set (and on PostgreSQL: WarningFiguresPostgresIT). */
@CarevoiceTest
class WarningFiguresTest {

  @Autowired ApplicationContext context;
  @Autowired WarningFigures figures;

  @Test
  void everyFigure_onItsWindowsEdges_onH2() {
    new FiguresDataSet(context).assertFigures(figures);
  }
}
