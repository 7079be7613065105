package org.carevoice.reporting;

/**
 * One service in the league table: the report's headline figures for it alone.
 *
 * @param published cases opened in the period (stories published to the service, not withdrawn)
 * @param answered of those, the ones with a published response
 * @param critical stories published to it in the period with criticality 4 or 5
 * @param recognised stories marked as staff recognition for it in the period
 */
record LeagueRow(ServiceRef service, long published, long answered, Double medianHours, Double p90Hours,
    long unanswered, long overdue, long escalations, long critical, long recognised) {

  public Integer ratePercent() {
    return Report.percent(answered, published);
  }
}
