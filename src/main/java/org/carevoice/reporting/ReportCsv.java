package org.carevoice.reporting;

import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.carevoice.reporting.Report.Count;
import org.carevoice.reporting.Report.MonthlyCounts;
import org.carevoice.story.StoryTags;
import org.carevoice.system.SiteProperties;
import org.springframework.stereotype.Component;

/**
 * A report's figures as CSV, one figure per row: section, figure, category (a channel, a tag, a
 * service...), month (for trends), value and unit. The overdue list as CSV, one case per row.
 */
@Component
class ReportCsv {

  private static final DateTimeFormatter ISO_MONTH = DateTimeFormatter.ofPattern("yyyy-MM", Locale.ROOT);

  private final ReportPage page;
  private final SiteProperties site;

  ReportCsv(ReportPage page, SiteProperties site) {
    this.page = page;
    this.site = site;
  }

  String figures(Report report) {
    Csv csv = new Csv().row("section", "figure", "category", "month", "value", "unit");
    String scope = report.scope().name() == null ? page.msg("report.scope.everything") : report.scope().name();
    csv.row("report", "scope", scope, "", "", "");
    csv.row("report", "first day", "", "", report.period().first().toString(), "date");
    csv.row("report", "last day", "", "", report.period().last().toString(), "date");
    csv.row("stories", "told", "", "", report.stories().told(), "stories");
    csv.row("stories", "published", "", "", report.stories().published(), "stories");
    csv.row("stories", "rejected", "", "", report.stories().rejected(), "stories");
    csv.row("stories", "withdrawn", "", "", report.stories().withdrawn(), "stories");
    for (Count count : report.channels()) {
      csv.row("stories told by channel", page.msg("report.channel." + count.code()), count.code(), "", count.count(),
          "stories");
    }
    for (Count count : report.relationships()) {
      csv.row("stories told by relationship", page.msg("story.relationship." + count.code()), count.code(), "",
          count.count(), "stories");
    }
    Report.ResponseFigures responses = report.responses();
    csv.row("responses", "cases opened", "", "", responses.opened(), "cases");
    csv.row("responses", "answered", "", "", responses.answered(), "cases");
    csv.row("responses", "response rate", "", "", responses.ratePercent(), "percent");
    csv.row("responses", "median time to first response", "", "", hours(responses.medianHours()), "hours");
    csv.row("responses", "90th percentile time to first response", "", "", hours(responses.p90Hours()), "hours");
    csv.row("responses", "unanswered now", "", "", responses.unanswered(), "cases");
    csv.row("responses", "overdue now", "", "", responses.overdue(), "cases");
    csv.row("responses", "escalations", "", "", responses.escalations(), "cases");
    for (Count count : report.criticality()) {
      csv.row("criticality of published stories", page.msg("report.criticality." + count.code()), count.code(), "",
          count.count(), "stories");
    }
    report.tags().forEach((group, counts) -> counts.forEach(count -> csv.row("tags of published stories",
        page.msg(StoryTags.messageKey(count.code())), page.msg("tag.group." + group), "", count.count(), "stories")));
    csv.row("changes", "planned", "", "", report.changes().planned(), "responses");
    csv.row("changes", "made", "", "", report.changes().made(), "responses");
    csv.row("changes", "updates awaiting moderation now", "", "", report.changes().awaitingModeration(), "responses");
    csv.row("celebration", "stories shared", "", "", report.celebration().shares(), "shares");
    csv.row("celebration", "staff recognition", "", "", report.celebration().recognised(), "stories");
    monthly(csv, "stories by month", report.storiesTrend(), Map.of("told", "told", "published", "published"),
        "stories");
    monthly(csv, "cases by month", report.responseTrend(), Map.of("opened", "opened", "answered", "answered"),
        "cases");
    monthly(csv, "criticality by month", report.criticalityTrend(), Map.of("low", page.msg("report.band.low"),
        "middle", page.msg("report.band.middle"), "high", page.msg("report.band.high")), "stories");
    Map<String, String> groups = new java.util.HashMap<>();
    StoryTags.BY_GROUP.keySet().forEach(group -> groups.put(group, page.msg("report.tagGroup." + group)));
    monthly(csv, "tags by month", report.tagTrend(), groups, "stories");
    for (LeagueRow row : report.league()) {
      String service = row.service().fullName();
      csv.row("services", "stories published", service, "", row.published(), "cases");
      csv.row("services", "answered", service, "", row.answered(), "cases");
      csv.row("services", "response rate", service, "", row.ratePercent(), "percent");
      csv.row("services", "median time to first response", service, "", hours(row.medianHours()), "hours");
      csv.row("services", "90th percentile time to first response", service, "", hours(row.p90Hours()), "hours");
      csv.row("services", "unanswered now", service, "", row.unanswered(), "cases");
      csv.row("services", "overdue now", service, "", row.overdue(), "cases");
      csv.row("services", "escalations", service, "", row.escalations(), "cases");
      csv.row("services", "strongly or severely critical", service, "", row.critical(), "stories");
      csv.row("services", "staff recognition", service, "", row.recognised(), "stories");
    }
    return csv.toString();
  }

  String overdue(List<ReportQueries.OverdueCase> cases, Map<Long, ServiceRef> services, Instant now) {
    Csv csv = new Csv().row("reference", "service", "site", "organisation", "criticality", "published",
        "response due", "escalation due", "overdue since", "days overdue", "reminded", "escalated", "staff page");
    for (ReportQueries.OverdueCase c : cases) {
      ServiceRef service = services.get(c.serviceId());
      csv.row(c.reference(), service == null ? "" : service.name(), service == null ? "" : service.siteName(),
          service == null ? "" : service.organisationName(), c.criticality(), text(c.openedAt()), text(c.responseDue()),
          text(c.escalationDue()), text(c.overdueAt()), Duration.between(c.overdueAt(), now).toDays(),
          text(c.remindedAt()), text(c.escalatedAt()), site.link("/staff/stories/" + c.reference()));
    }
    return csv.toString();
  }

  private static void monthly(Csv csv, String section, MonthlyCounts counts, Map<String, String> names, String unit) {
    List<YearMonth> months = counts.months();
    counts.series().forEach((code, values) -> {
      for (int i = 0; i < values.length; i++) {
        csv.row(section, names.getOrDefault(code, code), "", ISO_MONTH.format(months.get(i)), values[i], unit);
      }
    });
  }

  private static String hours(Double hours) {
    return hours == null ? "" : String.format(Locale.ROOT, "%.1f", hours);
  }

  private static String text(Instant instant) {
    return instant == null ? "" : instant.toString();
  }
}
