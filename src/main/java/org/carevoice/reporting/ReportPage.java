package org.carevoice.reporting;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.carevoice.reporting.Charts.BarChart;
import org.carevoice.reporting.Charts.LineChart;
import org.carevoice.reporting.Charts.Series;
import org.carevoice.reporting.Report.Count;
import org.carevoice.reporting.Report.MonthlyCounts;
import org.carevoice.story.StoryTags;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * A report as its page shows it: the charts with their words (titles, labels from
 * messages.properties, a one-sentence summary each) and the formatted figures.
 */
@Component
class ReportPage {

  static final Locale UK = Locale.UK;
  private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMMM yyyy", UK);
  private static final DateTimeFormatter SHORT_MONTH = DateTimeFormatter.ofPattern("MMM", UK);
  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", UK);

  private final MessageSource messages;

  ReportPage(MessageSource messages) {
    this.messages = messages;
  }

  /** The charts of a report, in the page's order. */
  record ReportCharts(LineChart stories, BarChart channels, BarChart relationships, LineChart responseRate,
      BarChart criticality, LineChart criticalityTrend, Map<String, BarChart> tags, LineChart tagTrend,
      BarChart league) {}

  ReportCharts charts(Report report) {
    List<YearMonth> months = report.period().trendMonths();
    MonthlyCounts stories = report.storiesTrend();
    LineChart storiesChart = lines("chart-stories", msg("report.chart.stories"), months, List.of(
        series(msg("report.series.told"), stories.series().get("told")),
        series(msg("report.series.published"), stories.series().get("published"))), "",
        msg("report.series.published"));

    BarChart channels = counts("chart-channels", msg("report.chart.channels"), msg("report.table.channel"),
        report.channels(), code -> msg("report.channel." + code), report.stories().told());
    BarChart relationships = counts("chart-relationships", msg("report.chart.relationships"),
        msg("report.table.relationship"), report.relationships(), code -> msg("story.relationship." + code),
        report.stories().told());

    MonthlyCounts cases = report.responseTrend();
    long[] opened = cases.series().get("opened");
    long[] answered = cases.series().get("answered");
    List<Long> rates = new ArrayList<>();
    List<String> rateDisplays = new ArrayList<>();
    for (int i = 0; i < opened.length; i++) {
      Integer rate = Report.percent(answered[i], opened[i]);
      rates.add(rate == null ? null : rate.longValue());
      rateDisplays.add(rate == null ? msg("report.none") : msg("report.rate.of", rate, answered[i], opened[i]));
    }
    LineChart responseRate = Charts.lines("chart-response-rate", msg("report.chart.responseRate"),
        trendSummary(msg("report.series.rate"), months, rates, "%"), monthNames(months), shortMonths(months),
        List.of(new Series(msg("report.series.rate"), rates, rateDisplays)), "%");

    List<String> levels = new ArrayList<>();
    List<Long> levelCounts = new ArrayList<>();
    for (Count count : report.criticality()) {
      levels.add(msg("report.criticality." + count.code()));
      levelCounts.add(count.count());
    }
    BarChart criticality = Charts.bars("chart-criticality", msg("report.chart.criticality"),
        distributionSummary(levels, levelCounts), msg("report.table.criticality"), msg("report.table.stories"),
        levels, levelCounts, displays(levelCounts));

    MonthlyCounts bands = report.criticalityTrend();
    LineChart criticalityTrend = lines("chart-criticality-trend", msg("report.chart.criticalityTrend"), months,
        List.of(series(msg("report.band.high"), bands.series().get("high")),
            series(msg("report.band.middle"), bands.series().get("middle")),
            series(msg("report.band.low"), bands.series().get("low"))), "", msg("report.band.high"));

    Map<String, BarChart> tags = new java.util.LinkedHashMap<>();
    report.tags().forEach((group, counts) -> tags.put(group, counts("chart-tags-" + group,
        msg("tag.group." + group), msg("report.table.tag"), counts, code -> msg(StoryTags.messageKey(code)),
        report.stories().published())));
    MonthlyCounts groups = report.tagTrend();
    List<Series> tagSeries = new ArrayList<>();
    groups.series().forEach((group, values) -> tagSeries.add(series(msg("report.tagGroup." + group), values)));
    LineChart tagTrend = lines("chart-tag-trend", msg("report.chart.tagTrend"), months, tagSeries, "",
        msg("report.tagGroup.improve"));

    List<String> names = new ArrayList<>();
    List<Long> leagueRates = new ArrayList<>();
    List<String> leagueDisplays = new ArrayList<>();
    for (LeagueRow row : report.league()) {
      names.add(row.service().fullName());
      Integer rate = row.ratePercent();
      leagueRates.add(rate == null ? 0L : rate.longValue());
      leagueDisplays.add(rate == null ? msg("report.none") : msg("report.rate.of", rate, row.answered(), row.published()));
    }
    BarChart league = Charts.bars("chart-league", msg("report.chart.league"), comparisonSummary(report.league()),
        msg("report.table.service"), msg("report.table.rate"), names, leagueRates, leagueDisplays);
    return new ReportCharts(storiesChart, channels, relationships, responseRate, criticality, criticalityTrend, tags,
        tagTrend, league);
  }

  // --- summaries ---------------------------------------------------------------------------------

  /** "Stories published rose from 2 in June 2026 to 7 in July 2026." from the last two months. */
  String trendSummary(String name, List<YearMonth> months, List<Long> values, String unit) {
    int last = values.size() - 1;
    int before = last - 1;
    if (last < 1 || values.get(last) == null || values.get(before) == null) {
      Long latest = last >= 0 ? values.get(last) : null;
      return latest == null ? msg("report.summary.trend.noValue", name, MONTH.format(months.get(last)))
          : msg("report.summary.trend.only", name, latest + unit, MONTH.format(months.get(last)));
    }
    long from = values.get(before);
    long to = values.get(last);
    String key = to > from ? "report.summary.trend.rose" : to < from ? "report.summary.trend.fell"
        : "report.summary.trend.same";
    return msg(key, name, from + unit, MONTH.format(months.get(before)), to + unit, MONTH.format(months.get(last)));
  }

  /** "Not critical was the most common: 45 of 80." */
  String distributionSummary(List<String> labels, List<Long> values) {
    long total = values.stream().mapToLong(Long::longValue).sum();
    if (total == 0) {
      return msg("report.summary.none");
    }
    int most = 0;
    for (int i = 1; i < values.size(); i++) {
      if (values.get(i) > values.get(most)) {
        most = i;
      }
    }
    return msg("report.summary.distribution", labels.get(most), values.get(most), total);
  }

  String comparisonSummary(List<LeagueRow> rows) {
    List<LeagueRow> rated = rows.stream().filter(row -> row.ratePercent() != null).toList();
    if (rated.isEmpty()) {
      return msg("report.summary.comparison.none");
    }
    LeagueRow best = rated.stream().max(java.util.Comparator.comparing(LeagueRow::ratePercent)).orElseThrow();
    LeagueRow worst = rated.stream().min(java.util.Comparator.comparing(LeagueRow::ratePercent)).orElseThrow();
    if (rated.size() == 1 || best.ratePercent().equals(worst.ratePercent())) {
      return msg("report.summary.comparison.one", best.service().fullName(), best.ratePercent());
    }
    return msg("report.summary.comparison", best.service().fullName(), best.ratePercent(), worst.service().fullName(),
        worst.ratePercent());
  }

  // --- formatting --------------------------------------------------------------------------------

  /** Hours as days with one decimal ("2.5 days"), or "none" when there is no value. */
  public String days(Double hours) {
    return hours == null ? msg("report.none") : msg("report.days", String.format(UK, "%.1f", hours / 24));
  }

  String period(ReportPeriod period) {
    return switch (period.kind()) {
      case MONTH -> MONTH.format(period.first());
      case QUARTER -> msg("report.period.quarter", MONTH.format(period.first()), MONTH.format(period.last()));
      case YEAR -> String.valueOf(period.first().getYear());
      case CUSTOM -> msg("report.period.custom", DAY.format(period.first()), DAY.format(period.last()));
    };
  }

  static String day(LocalDate date) {
    return DAY.format(date);
  }

  static List<String> monthNames(List<YearMonth> months) {
    return months.stream().map(MONTH::format).toList();
  }

  private static List<String> shortMonths(List<YearMonth> months) {
    return months.stream().map(SHORT_MONTH::format).toList();
  }

  private LineChart lines(String id, String title, List<YearMonth> months, List<Series> series, String unit,
      String summarised) {
    Series key = series.stream().filter(s -> s.name().equals(summarised)).findFirst().orElse(series.get(0));
    return Charts.lines(id, title, trendSummary(key.name(), months, key.values(), unit), monthNames(months),
        shortMonths(months), series, unit);
  }

  private static Series series(String name, long[] values) {
    List<Long> list = new ArrayList<>();
    for (long value : values) {
      list.add(value);
    }
    return new Series(name, list, displays(list));
  }

  private BarChart counts(String id, String title, String labelHeader, List<Count> counts,
      java.util.function.Function<String, String> label, long total) {
    List<String> labels = counts.stream().map(count -> label.apply(count.code())).toList();
    List<Long> values = counts.stream().map(Count::count).toList();
    List<String> displays = values.stream().map(value -> total == 0 ? String.valueOf(value)
        : msg("report.count.share", value, Report.percent(value, total))).toList();
    return Charts.bars(id, title, distributionSummary(labels, values), labelHeader, msg("report.table.stories"),
        labels, values, displays);
  }

  private static List<String> displays(List<Long> values) {
    return values.stream().map(value -> value == null ? "" : String.valueOf(value)).toList();
  }

  String msg(String key, Object... arguments) {
    return messages.getMessage(key, arguments, UK);
  }
}
