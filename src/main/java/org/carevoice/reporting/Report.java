package org.carevoice.reporting;

import java.time.Instant;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A report's figures for a scope and period, as the database computed them (docs/reports.md says
 * how each is computed and what a manager can do about it).
 */
record Report(ReportScope scope, ReportPeriod period, Instant now, StoryCounts stories, List<Count> channels,
    List<Count> relationships, ResponseFigures responses, List<Count> criticality, MonthlyCounts criticalityTrend,
    MonthlyCounts storiesTrend, MonthlyCounts responseTrend, Map<String, List<Count>> tags, MonthlyCounts tagTrend,
    Changes changes, Celebration celebration, List<LeagueRow> league) {

  /** How many of something, by a code (a channel, a relationship, a criticality, a tag). */
  record Count(String code, long count) {}

  /** Stories told (submitted), published, rejected and withdrawn in the period. */
  record StoryCounts(long told, long published, long rejected, long withdrawn) {}

  /**
   * @param opened cases opened in the period (a story published to a service), withdrawn stories left out
   * @param answered of those, the ones with a published response (so far)
   * @param medianHours median hours from publication to the first published response, of the answered
   * @param p90Hours the 90th percentile of the same
   * @param unanswered cases without a published response now, whenever opened
   * @param overdue of those, the ones past their overdue date now
   * @param escalations cases escalated to the service's managers in the period
   */
  record ResponseFigures(long opened, long answered, Double medianHours, Double p90Hours, long unanswered,
      long overdue, long escalations) {

    /** Answered cases as a whole percentage of the opened ones; null when none was opened. */
    public Integer ratePercent() {
      return percent(answered, opened);
    }
  }

  /**
   * @param planned published responses of the period that plan a change (not reported made yet)
   * @param made changes reported made in the period (with the response, or a later update)
   * @param awaitingModeration "change made" updates waiting for a moderator now
   */
  record Changes(long planned, long made, long awaitingModeration) {}

  /** Stories shared with teams or colleagues, and stories marked as staff recognition, in the period. */
  record Celebration(long shares, long recognised) {}

  /** Counts by month: each series has one number per month, in the months' order. */
  record MonthlyCounts(List<YearMonth> months, Map<String, long[]> series) {

    static MonthlyCounts empty(List<YearMonth> months, List<String> names) {
      Map<String, long[]> series = new LinkedHashMap<>();
      names.forEach(name -> series.put(name, new long[months.size()]));
      return new MonthlyCounts(months, series);
    }
  }

  static Integer percent(long part, long whole) {
    return whole == 0 ? null : (int) Math.round(100.0 * part / whole);
  }
}
