package org.carevoice.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.carevoice.organisation.OrganisationService;
import org.carevoice.reporting.Report.Count;

/**
 * Every figure of the reports for {@link ReportDataSet}, June 2025, worked out by hand; run on H2
 * ({@link ReportFiguresTest}) and on PostgreSQL ({@link ReportFiguresPostgresIT}).
 */
final class ReportFigureChecks {

  private final ReportQueries queries;
  private final ReportAccess.Viewer everyone;
  private final ReportAccess access;

  ReportFigureChecks(ReportQueries queries, ReportAccess access, OrganisationService organisation) {
    this.queries = queries;
    this.access = access;
    this.everyone = new ReportAccess.Viewer("lead", true,
        organisation.allServices().stream().map(ServiceRef::of).toList());
  }

  Report june(ReportRequest.ScopeKind kind, String slug) {
    ReportPeriod june = ReportPeriod.containing(ReportPeriod.Kind.MONTH, ReportDataSet.JUNE);
    ReportScope scope = access.scope(everyone, new ReportRequest.Criteria(kind, slug, june, LeagueSort.SERVICE, false),
        "Your services");
    return queries.report(scope, june, Instant.now());
  }

  void checkAll() {
    checkOrganisation();
    checkCustomPeriods();
    checkSiteAndService();
    checkOverdueList();
  }

  /**
   * The board in June 2025 (Scotland's time: 31 May 23:00 UTC to 30 June 23:00 UTC).
   *
   * <ul>
   *   <li>Told: stories 1-7, 10, 11 = 9 (8 was told at 00:10 on 1 July, 9 at 23:30 on 31 May).
   *   <li>Published: 1, 2, 3, 4, 6 (since withdrawn), 7, 10 = 7. Rejected: 5. Withdrawn: 6.
   *   <li>Cases opened: 1-A1, 2-A1, 3-A2, 4-A1, 4-B1, 7-A1, 10-B1 = 7 (6 is withdrawn, 9 opened in
   *       May); answered 5, after 24, 48, 96, 12 and 30 hours: rate 71%, median 30 h, 90th
   *       percentile 48 + 0.6 x (96 - 48) = 76.8 h.
   *   <li>Unanswered now: 3-A2 and 7-A1 (6 is withdrawn); overdue now: 3-A2 (7's date is 2099).
   *   <li>Escalations in June: 3 (20 June) and 9 (1 June, a case opened in May).
   * </ul>
   */
  void checkOrganisation() {
    Report report = june(ReportRequest.ScopeKind.ORGANISATION, ReportDataSet.ORGANISATION);
    assertThat(report.scope().services()).extracting(ServiceRef::slug)
        .containsExactlyInAnyOrder(ReportDataSet.A1, ReportDataSet.A2, ReportDataSet.B1);
    assertThat(report.stories()).isEqualTo(new Report.StoryCounts(9, 7, 1, 1));
    assertThat(counts(report.channels())).isEqualTo(Map.of("WEB", 7L, "PHONE", 1L, "PAPER", 1L));
    assertThat(report.channels().get(0).code()).isEqualTo("WEB");
    assertThat(counts(report.relationships())).isEqualTo(Map.of("PATIENT", 5L, "CARER", 1L, "RELATIVE", 1L,
        "FRIEND", 1L, "SERVICE_USER", 1L));

    Report.ResponseFigures responses = report.responses();
    assertThat(responses.opened()).isEqualTo(7);
    assertThat(responses.answered()).isEqualTo(5);
    assertThat(responses.ratePercent()).isEqualTo(71);
    assertThat(responses.medianHours()).isCloseTo(30.0, within(0.001));
    assertThat(responses.p90Hours()).isCloseTo(76.8, within(0.001));
    assertThat(responses.unanswered()).isEqualTo(2);
    assertThat(responses.overdue()).isEqualTo(1);
    assertThat(responses.escalations()).isEqualTo(2);

    // Published in June: criticality 4, 1, 5, 2, 3 (6, withdrawn, keeps it), 0, 3.
    assertThat(counts(report.criticality())).isEqualTo(Map.of("0", 1L, "1", 1L, "2", 1L, "3", 2L, "4", 1L, "5", 1L));

    // Tags of the stories published in June (6's went with its text).
    assertThat(counts(report.tags().get("good"))).containsEntry("good:kind-staff", 2L).containsEntry("good:listened", 1L)
        .containsEntry("good:clean", 0L);
    assertThat(report.tags().get("good").get(0).code()).isEqualTo("good:kind-staff");
    assertThat(counts(report.tags().get("improve"))).containsEntry("improve:waiting-time", 2L)
        .containsEntry("improve:communication", 1L).containsEntry("improve:food", 0L);
    assertThat(counts(report.tags().get("felt"))).containsEntry("felt:anxious", 1L).containsEntry("felt:grateful", 1L)
        .containsEntry("felt:frustrated", 1L).containsEntry("felt:upset", 0L);

    // Trends: twelve months, July 2024 to June 2025.
    List<YearMonth> months = report.storiesTrend().months();
    assertThat(months).hasSize(12).startsWith(YearMonth.of(2024, 7)).endsWith(YearMonth.of(2025, 6));
    assertThat(lastTwo(report.storiesTrend(), "told")).containsExactly(1, 9);
    assertThat(lastTwo(report.storiesTrend(), "published")).containsExactly(1, 7);
    assertThat(java.util.Arrays.stream(report.storiesTrend().series().get("told")).sum()).isEqualTo(10);
    assertThat(lastTwo(report.responseTrend(), "opened")).containsExactly(1, 7);
    assertThat(lastTwo(report.responseTrend(), "answered")).containsExactly(1, 5);
    assertThat(lastTwo(report.criticalityTrend(), "high")).containsExactly(1, 2);
    assertThat(lastTwo(report.criticalityTrend(), "middle")).containsExactly(0, 3);
    assertThat(lastTwo(report.criticalityTrend(), "low")).containsExactly(0, 2);
    assertThat(lastTwo(report.tagTrend(), "good")).containsExactly(0, 3);
    assertThat(lastTwo(report.tagTrend(), "improve")).containsExactly(1, 3);
    assertThat(lastTwo(report.tagTrend(), "felt")).containsExactly(0, 3);

    // Changes: planned in June by 1 and 10 (10's "made" update still waits for a moderator, so it
    // is planned yet); made: 2 (published with it) and 9's update of 20 June. Shares: 1's on 5 June
    // (2's was in July, 12's is outside).
    assertThat(report.changes()).isEqualTo(new Report.Changes(2, 2, 1));
    assertThat(report.celebration()).isEqualTo(new Report.Celebration(1, 1));

    // League: A1 4 opened (1, 2, 4, 7), 3 answered (24, 48, 96 h: median 48, p90 48 + 0.8 x 48);
    // A2 1 opened (3) unanswered and overdue, escalations 3 and 9; B1 2 answered (12, 30 h).
    Map<String, LeagueRow> league = report.league().stream()
        .collect(Collectors.toMap(row -> row.service().slug(), row -> row));
    LeagueRow a1 = league.get(ReportDataSet.A1);
    assertThat(a1.published()).isEqualTo(4);
    assertThat(a1.answered()).isEqualTo(3);
    assertThat(a1.ratePercent()).isEqualTo(75);
    assertThat(a1.medianHours()).isCloseTo(48.0, within(0.001));
    assertThat(a1.p90Hours()).isCloseTo(86.4, within(0.001));
    assertThat(List.of(a1.unanswered(), a1.overdue(), a1.escalations(), a1.critical(), a1.recognised()))
        .containsExactly(1L, 0L, 0L, 1L, 1L);
    LeagueRow a2 = league.get(ReportDataSet.A2);
    assertThat(List.of(a2.published(), a2.answered(), a2.unanswered(), a2.overdue(), a2.escalations(), a2.critical(),
        a2.recognised())).containsExactly(1L, 0L, 1L, 1L, 2L, 1L, 0L);
    assertThat(a2.medianHours()).isNull();
    assertThat(a2.ratePercent()).isEqualTo(0);
    LeagueRow b1 = league.get(ReportDataSet.B1);
    assertThat(List.of(b1.published(), b1.answered(), b1.unanswered(), b1.overdue(), b1.escalations(), b1.critical(),
        b1.recognised())).containsExactly(2L, 2L, 0L, 0L, 0L, 0L, 0L);
    assertThat(b1.medianHours()).isCloseTo(21.0, within(0.001));
    assertThat(b1.p90Hours()).isCloseTo(28.2, within(0.001));
  }

  /** Site A (A1, A2) and service B1 alone. */
  /**
   * Periods not made of whole months (their figures are counted apart from the trend months'): 3
   * to 12 June has stories 1, 2 and 6 published (6, since withdrawn, without its tags; 10 on 13
   * June is not); 31 May to 3 June has 9 (23:50 on 31 May in Scotland) and 1. The trends still end
   * with the month of the last day.
   */
  void checkCustomPeriods() {
    Report early = custom(java.time.LocalDate.of(2025, 6, 3), java.time.LocalDate.of(2025, 6, 12));
    assertThat(early.stories().published()).isEqualTo(3);
    assertThat(early.stories().told()).isEqualTo(4);
    assertThat(counts(early.tags().get("good"))).containsEntry("good:kind-staff", 2L).containsEntry("good:listened", 0L);
    assertThat(counts(early.tags().get("improve"))).containsEntry("improve:waiting-time", 1L)
        .containsEntry("improve:communication", 0L).containsEntry("improve:food", 0L);
    assertThat(counts(early.tags().get("felt"))).containsEntry("felt:anxious", 1L).containsEntry("felt:grateful", 1L)
        .containsEntry("felt:frustrated", 0L);
    assertThat(lastTwo(early.tagTrend(), "good")).containsExactly(0, 3);
    assertThat(lastTwo(early.tagTrend(), "improve")).containsExactly(1, 3);

    Report across = custom(java.time.LocalDate.of(2025, 5, 31), java.time.LocalDate.of(2025, 6, 3));
    assertThat(across.stories().published()).isEqualTo(2);
    assertThat(counts(across.tags().get("improve"))).containsEntry("improve:food", 1L)
        .containsEntry("improve:waiting-time", 1L).containsEntry("improve:communication", 0L);
    assertThat(counts(across.tags().get("good"))).containsEntry("good:kind-staff", 1L);
    assertThat(lastTwo(across.tagTrend(), "improve")).containsExactly(1, 3);
  }

  private Report custom(java.time.LocalDate first, java.time.LocalDate last) {
    ReportPeriod period = new ReportPeriod(ReportPeriod.Kind.CUSTOM, first, last);
    ReportScope scope = access.scope(everyone, new ReportRequest.Criteria(ReportRequest.ScopeKind.ORGANISATION,
        ReportDataSet.ORGANISATION, period, LeagueSort.SERVICE, false), "Your services");
    return queries.report(scope, period, Instant.now());
  }

  void checkSiteAndService() {
    Report siteA = june(ReportRequest.ScopeKind.SITE, ReportDataSet.SITE_A);
    // Told: 1-7 (4 is about A1 and B1); published: 1, 2, 3, 4, 6, 7.
    assertThat(siteA.stories()).isEqualTo(new Report.StoryCounts(7, 6, 1, 1));
    assertThat(siteA.responses().opened()).isEqualTo(5);
    assertThat(siteA.responses().answered()).isEqualTo(3);
    assertThat(siteA.league()).extracting(row -> row.service().slug())
        .containsExactlyInAnyOrder(ReportDataSet.A1, ReportDataSet.A2);

    Report b1 = june(ReportRequest.ScopeKind.SERVICE, ReportDataSet.B1);
    assertThat(b1.stories()).isEqualTo(new Report.StoryCounts(3, 2, 0, 0));
    assertThat(b1.responses().opened()).isEqualTo(2);
    assertThat(b1.responses().ratePercent()).isEqualTo(100);
    assertThat(b1.responses().medianHours()).isCloseTo(21.0, within(0.001));
    assertThat(b1.changes()).isEqualTo(new Report.Changes(1, 0, 1));
    assertThat(counts(b1.channels())).isEqualTo(Map.of("WEB", 2L, "PAPER", 1L));
  }

  /** Overdue now in the board: only story 3 at A2, with its dates; none outside the scope. */
  void checkOverdueList() {
    Report report = june(ReportRequest.ScopeKind.ORGANISATION, ReportDataSet.ORGANISATION);
    List<ReportQueries.OverdueCase> overdue = queries.overdue(report.scope(), Instant.now(), 500);
    assertThat(overdue).singleElement().satisfies(c -> {
      assertThat(c.reference()).isEqualTo(ReportDataSet.OVERDUE_REFERENCE);
      assertThat(c.criticality()).isEqualTo(5);
      assertThat(c.overdueAt()).isEqualTo(Instant.parse("2025-06-25T12:00:00Z"));
      assertThat(c.escalatedAt()).isEqualTo(Instant.parse("2025-06-20T12:00:00Z"));
      assertThat(c.remindedAt()).isEqualTo(Instant.parse("2025-06-18T12:00:00Z"));
      assertThat(c.processInstanceId()).isNull();
    });
    assertThat(queries.countOverdue(report.scope(), Instant.now())).isEqualTo(1);
  }

  static Map<String, Long> counts(List<Count> counts) {
    return counts.stream().collect(Collectors.toMap(Count::code, Count::count));
  }

  private static List<Integer> lastTwo(Report.MonthlyCounts counts, String series) {
    long[] values = counts.series().get(series);
    return List.of((int) values[values.length - 2], (int) values[values.length - 1]);
  }
}
