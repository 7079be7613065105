package org.carevoice.reporting;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javax.sql.DataSource;
import org.carevoice.reporting.Report.Celebration;
import org.carevoice.reporting.Report.Changes;
import org.carevoice.reporting.Report.Count;
import org.carevoice.reporting.Report.MonthlyCounts;
import org.carevoice.reporting.Report.ResponseFigures;
import org.carevoice.reporting.Report.StoryCounts;
import org.carevoice.story.StoryTags;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The reports' figures, each aggregated by the database: counts with conditional sums, the median
 * and 90th percentile with {@code percentile_cont ... within group}, months as sums between the
 * months' first moments (so Scotland's calendar months, whatever the database's time zone). The
 * only vendor-specific piece is the hours between two moments: {@link #hoursBetween}.
 *
 * <p>A scope of every service filters on nothing; otherwise on the services' ids, through
 * story_service for the stories and on service_id for cases, responses and recognition.
 */
@Component
@Transactional(readOnly = true)
class ReportQueries {

  /** The overdue list's longest page (the CSV has them all). */
  static final int OVERDUE_PAGE = 500;
  private static final String[] TAG_GROUPS = StoryTags.BY_GROUP.keySet().toArray(String[]::new);

  private final NamedParameterJdbcTemplate jdbc;
  private final boolean postgres;
  /**
   * Runs a report's groups of queries beside the request's thread: as many as the machine has
   * cores (the database shares them), the rest queue. Each holds a connection only while it runs.
   */
  private final ExecutorService sideQueries = Executors.newFixedThreadPool(
      Math.max(2, Runtime.getRuntime().availableProcessors()), runnable -> {
        Thread thread = new Thread(runnable, "report-queries");
        thread.setDaemon(true);
        return thread;
      });

  ReportQueries(NamedParameterJdbcTemplate jdbc, DataSource dataSource) throws SQLException {
    this.jdbc = jdbc;
    Connection connection = DataSourceUtils.getConnection(dataSource);
    try {
      this.postgres = connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("postgres");
    } finally {
      DataSourceUtils.releaseConnection(connection, dataSource);
    }
  }

  /**
   * Hours from one moment to a later one, never negative, null when the later one is (the
   * percentiles then leave the row out: PostgreSQL's greatest() would turn null into 0). The
   * seconds between two moments are the one expression that differs by database.
   */
  String hoursBetween(String start, String end) {
    String seconds = postgres ? "extract(epoch from (" + end + " - " + start + "))"
        : "datediff(second, " + start + ", " + end + ")";
    return "case when " + end + " is null then null else greatest(0, " + seconds + ") / 3600.0 end";
  }

  /**
   * The report: its independent groups of queries run side by side, each on a connection of its
   * own (a report for a whole board reads a year of stories, cases and tags; one after another the
   * queries took most of the page's time). Not in one transaction: the figures are each a
   * consistent count, a report is a moment's look, and a request waiting for its queries then holds
   * no connection (no request can starve the pool while its queries wait for one).
   */
  @Transactional(propagation = Propagation.NOT_SUPPORTED)
  Report report(ReportScope scope, ReportPeriod period, Instant now) {
    MapSqlParameterSource params = params(scope, period, now);
    List<YearMonth> months = period.trendMonths();
    PeriodMonths inPeriod = PeriodMonths.of(period);
    MonthlyCounts tagTrend = MonthlyCounts.empty(months, List.of(TAG_GROUPS));
    CompletableFuture<List<LeagueRow>> league = side(() -> league(scope, params));
    CompletableFuture<StoryFigures> stories = side(() -> stories(scope, params, months, inPeriod));
    CompletableFuture<Map<String, List<Count>>> tags = side(() -> tags(scope, params, inPeriod, tagTrend));
    MonthlyCounts responseTrend = responseTrend(scope, params, months);
    Changes changes = changes(scope, params);
    long shares = shares(scope, params);
    List<LeagueRow> rows = join(league);
    StoryFigures story = join(stories);
    long recognised = rows.stream().mapToLong(LeagueRow::recognised).sum();
    return new Report(scope, period, now, story.counts(), story.channels(), story.relationships(),
        responses(scope, params, rows), story.criticality(), story.bands(), story.trend(),
        responseTrend, join(tags), tagTrend, changes, new Celebration(shares, recognised), rows);
  }

  private <T> CompletableFuture<T> side(java.util.function.Supplier<T> queries) {
    return CompletableFuture.supplyAsync(queries, sideQueries);
  }

  private static <T> T join(CompletableFuture<T> queries) {
    try {
      return queries.join();
    } catch (java.util.concurrent.CompletionException e) {
      if (e.getCause() instanceof RuntimeException cause) {
        throw cause;
      }
      throw e;
    }
  }

  @jakarta.annotation.PreDestroy
  void stop() {
    sideQueries.shutdown();
  }

  /**
   * The trend months that make up the period, from {@code first} to {@code last} (exclusive); or
   * none (-1) when the period is not made of whole trend months (some custom periods): then the
   * queries count the period as a bucket of its own, number -1 (see {@link #months}).
   */
  record PeriodMonths(int first, int last) {
    static PeriodMonths of(ReportPeriod period) {
      List<Instant> boundaries = period.trendBoundaries();
      int first = boundaries.indexOf(period.start());
      int last = boundaries.indexOf(period.end());
      return first >= 0 && last > first ? new PeriodMonths(first, last) : new PeriodMonths(-1, -1);
    }

    boolean whole() {
      return first >= 0;
    }

    /** Whether a row of bucket i counts for the period. */
    boolean counts(int i) {
      return i < 0 || i >= first && i < last;
    }
  }

  // --- stories ---------------------------------------------------------------------------------

  private record StoryFigures(StoryCounts counts, List<Count> channels, List<Count> relationships,
      List<Count> criticality, MonthlyCounts trend, MonthlyCounts bands) {}

  /**
   * The story figures in three queries, each one pass over its index: stories told by month (and
   * period) by channel and relationship; published by month (and period) by criticality; rejected
   * and withdrawn in the period. The period's figures and the trends (told and published by month
   * [trend], published by month in three bands of criticality 0-1, 2-3 and 4-5 [bands]) are summed
   * from the same rows.
   */
  private StoryFigures stories(ReportScope scope, MapSqlParameterSource params, List<YearMonth> months,
      PeriodMonths inPeriod) {
    MonthlyCounts trend = MonthlyCounts.empty(months, List.of("told", "published"));
    MonthlyCounts bands = MonthlyCounts.empty(months, List.of("low", "middle", "high"));
    String buckets = months(!inPeriod.whole());
    // Channel and relationship are not null.
    Map<String, Long> channels = new HashMap<>();
    Map<String, Long> relationships = new HashMap<>();
    long[] told = new long[1];
    jdbc.query("select m.i, s.channel, s.relationship, count(*) from " + buckets + " join story s"
        + " on s.submitted_at >= m.lo and s.submitted_at < m.hi" + storyScope(scope)
        + " group by m.i, s.channel, s.relationship", params, row -> {
          int month = row.getInt(1);
          long count = row.getLong(4);
          if (month >= 0) {
            trend.series().get("told")[month] += count;
          }
          if (inPeriod.counts(month)) {
            channels.merge(row.getString(2), count, Long::sum);
            relationships.merge(row.getString(3), count, Long::sum);
            told[0] += count;
          }
        });
    Map<String, Long> levels = new HashMap<>();
    long[] published = new long[1];
    jdbc.query("select m.i, s.criticality, count(*) from " + buckets + " join story s"
        + " on s.published_at >= m.lo and s.published_at < m.hi" + storyScope(scope) + " group by m.i, s.criticality",
        params, row -> {
          int month = row.getInt(1);
          int level = row.getInt(2);
          boolean none = row.wasNull();
          long count = row.getLong(3);
          if (month >= 0) {
            String band = !none && level >= 4 ? "high" : !none && level >= 2 ? "middle" : "low";
            bands.series().get(band)[month] += count;
            trend.series().get("published")[month] += count;
          }
          if (inPeriod.counts(month)) {
            levels.merge(none ? "none" : String.valueOf(level), count, Long::sum);
            published[0] += count;
          }
        });
    List<Count> criticality = new ArrayList<>();
    for (int level = 0; level <= 5; level++) {
      criticality.add(new Count(String.valueOf(level), levels.getOrDefault(String.valueOf(level), 0L)));
    }
    if (levels.containsKey("none")) {
      criticality.add(new Count("none", levels.get("none")));
    }
    String stories = "select count(*) from story s where ";
    String in = storyScope(scope);
    List<Long> ended = jdbc.query(
        "select 1 as n, (" + stories + "s.status = 'REJECTED' and s.decided_at >= :from and s.decided_at < :to"
            + in + ") as c"
            + " union all select 2, (" + stories + "s.status = 'WITHDRAWN' and s.ended_at >= :from and s.ended_at < :to"
            + in + ") order by 1", params, (row, n) -> row.getLong(2));
    return new StoryFigures(new StoryCounts(told[0], published[0], ended.get(0), ended.get(1)), mostFirst(channels),
        mostFirst(relationships), criticality, trend, bands);
  }

  /** Most first, then by code. */
  private static List<Count> mostFirst(Map<String, Long> counts) {
    return counts.entrySet().stream().map(e -> new Count(e.getKey(), e.getValue()))
        .sorted(java.util.Comparator.comparingLong(Count::count).reversed().thenComparing(Count::code)).toList();
  }

  // --- responses -------------------------------------------------------------------------------

  /**
   * The median and 90th percentile over the scope's cases of the period; the counts are the sums of
   * the league table's (each case belongs to one service).
   */
  private ResponseFigures responses(ReportScope scope, MapSqlParameterSource params, List<LeagueRow> league) {
    String hours = hoursBetween("c.opened_at", "c.first_response_at");
    Double[] times = jdbc.queryForObject("select percentile_cont(0.5) within group (order by " + hours + "),"
        + " percentile_cont(0.9) within group (order by " + hours + ") from service_case c"
        + " where c.opened_at >= :from and c.opened_at < :to and c.first_response_at is not null" + caseScope(scope),
        params, (row, n) -> new Double[] {number(row, 1), number(row, 2)});
    return new ResponseFigures(league.stream().mapToLong(LeagueRow::published).sum(),
        league.stream().mapToLong(LeagueRow::answered).sum(), times[0], times[1],
        league.stream().mapToLong(LeagueRow::unanswered).sum(), league.stream().mapToLong(LeagueRow::overdue).sum(),
        league.stream().mapToLong(LeagueRow::escalations).sum());
  }

  /** Cases opened by month, and of those the ones answered so far. */
  private MonthlyCounts responseTrend(ReportScope scope, MapSqlParameterSource params, List<YearMonth> months) {
    MonthlyCounts trend = MonthlyCounts.empty(months, List.of("opened", "answered"));
    jdbc.query("select m.i, count(*), count(c.first_response_at) from " + months(false) + " join service_case c"
        + " on c.opened_at >= m.lo and c.opened_at < m.hi" + caseScope(scope) + " group by m.i", params, row -> {
          trend.series().get("opened")[row.getInt(1)] = row.getLong(2);
          trend.series().get("answered")[row.getInt(1)] = row.getLong(3);
        });
    return trend;
  }

  // --- tags ------------------------------------------------------------------------------------

  /**
   * Published stories of the period with each tag, by group in StoryTags' order, most first within
   * a group; and, into {@code trend}, by month the tags of published stories summed by group (a
   * story with two tags of a group counts twice). One pass: by month and tag, the period being
   * the sum of its months when it is made of whole trend months (month, quarter, year and most
   * custom periods), else one more bucket of its own.
   */
  private Map<String, List<Count>> tags(ReportScope scope, MapSqlParameterSource params, PeriodMonths inPeriod,
      MonthlyCounts trend) {
    Map<String, Long> found = new HashMap<>();
    jdbc.query("select m.i, t.tag, count(*) from " + months(!inPeriod.whole()) + " join story s on s.published_at >= m.lo"
        + " and s.published_at < m.hi" + storyScope(scope) + " join story_tag t on t.story_id = s.id"
        + " group by m.i, t.tag", params, (org.springframework.jdbc.core.RowCallbackHandler) row -> {
          int month = row.getInt(1);
          String tag = row.getString(2);
          long count = row.getLong(3);
          if (inPeriod.counts(month)) {
            found.merge(tag, count, Long::sum);
          }
          if (month >= 0) {
            long[] series = trend.series().get(tag.substring(0, Math.max(0, tag.indexOf(':'))));
            if (series != null) {
              series[month] += count;
            }
          }
        });
    Map<String, List<Count>> groups = new LinkedHashMap<>();
    StoryTags.BY_GROUP.forEach((group, codes) -> groups.put(group, codes.stream()
        .map(code -> new Count(code, found.getOrDefault(code, 0L)))
        .sorted((a, b) -> Long.compare(b.count(), a.count())).toList()));
    return groups;
  }

  // --- changes, shares, recognition --------------------------------------------------------------

  /** Three counts, each read from its own (partial) index. */
  private Changes changes(ReportScope scope, MapSqlParameterSource params) {
    List<Long> counts = jdbc.query("select 1, (select count(*) from response r where r.change_type = 'planned'"
        + " and r.status = 'PUBLISHED' and r.published_at >= :from and r.published_at < :to" + responseScope(scope) + ")"
        + " union all select 2, (select count(*) from response r where r.change_made_at >= :from"
        + " and r.change_made_at < :to and r.status = 'PUBLISHED'" + responseScope(scope) + ")"
        + " union all select 3, (select count(*) from response r where r.pending_change is not null"
        + responseScope(scope) + ") order by 1", params, (row, n) -> row.getLong(2));
    return new Changes(counts.get(0), counts.get(1), counts.get(2));
  }

  private long shares(ReportScope scope, MapSqlParameterSource params) {
    String shareScope = scope.everything() ? "" : " and exists (select 1 from story_service ss"
        + " where ss.story_id = sh.story_id and ss.service_id in (:services))";
    return jdbc.queryForObject("select count(*) from story_share sh where sh.shared_at >= :from"
        + " and sh.shared_at < :to" + shareScope, params, Long.class);
  }

  // --- league table ------------------------------------------------------------------------------

  /** Each service of the scope with the headline figures, in the order of the scope's services. */
  List<LeagueRow> league(ReportScope scope, MapSqlParameterSource params) {
    Map<Long, long[]> counts = new HashMap<>();
    Map<Long, Double[]> times = new HashMap<>();
    String hours = hoursBetween("c.opened_at", "c.first_response_at");
    // 0 published, 1 answered, 2 unanswered, 3 overdue, 4 escalations, 5 critical, 6 recognised
    jdbc.query("select c.service_id, count(*), count(c.first_response_at),"
        + " percentile_cont(0.5) within group (order by " + hours + "),"
        + " percentile_cont(0.9) within group (order by " + hours + ")"
        + " from service_case c where c.opened_at >= :from and c.opened_at < :to" + caseScope(scope)
        + " group by c.service_id", params, row -> {
          long[] row0 = counts.computeIfAbsent(row.getLong(1), id -> new long[7]);
          row0[0] = row.getLong(2);
          row0[1] = row.getLong(3);
          times.put(row.getLong(1), new Double[] {number(row, 4), number(row, 5)});
        });
    jdbc.query("select c.service_id, count(*), coalesce(sum(case when c.overdue_at <= :now then 1 else 0 end), 0)"
        + " from service_case c where c.first_response_at is null" + caseScope(scope) + " group by c.service_id",
        params, row -> {
          long[] row0 = counts.computeIfAbsent(row.getLong(1), id -> new long[7]);
          row0[2] = row.getLong(2);
          row0[3] = row.getLong(3);
        });
    jdbc.query("select c.service_id, count(*) from service_case c where c.escalated_at >= :from"
        + " and c.escalated_at < :to" + caseScope(scope) + " group by c.service_id", params,
        row -> {
          counts.computeIfAbsent(row.getLong(1), id -> new long[7])[4] = row.getLong(2);
        });
    String serviceScope = scope.everything() ? "" : " and ss.service_id in (:services)";
    jdbc.query("select ss.service_id, count(*) from story s join story_service ss on ss.story_id = s.id"
        + " where s.published_at >= :from and s.published_at < :to and s.criticality >= 4" + serviceScope
        + " group by ss.service_id", params, row -> {
          counts.computeIfAbsent(row.getLong(1), id -> new long[7])[5] = row.getLong(2);
        });
    jdbc.query("select r.service_id, count(*) from staff_recognition r where r.recognised_at >= :from"
        + " and r.recognised_at < :to" + responseScope(scope) + " group by r.service_id", params, row -> {
          counts.computeIfAbsent(row.getLong(1), id -> new long[7])[6] = row.getLong(2);
        });
    List<LeagueRow> rows = new ArrayList<>();
    for (ServiceRef service : scope.services()) {
      long[] c = counts.getOrDefault(service.id(), new long[7]);
      Double[] t = times.getOrDefault(service.id(), new Double[2]);
      rows.add(new LeagueRow(service, c[0], c[1], t[0], t[1], c[2], c[3], c[4], c[5], c[6]));
    }
    return rows;
  }

  // --- overdue -----------------------------------------------------------------------------------

  /**
   * A case past its overdue date without a published response, now.
   *
   * @param processInstanceId the running service-response case in the engine, or null (none, or
   *     an imported case)
   */
  record OverdueCase(String reference, Integer criticality, Long serviceId, Instant openedAt, Instant responseDue,
      Instant escalationDue, Instant overdueAt, Instant remindedAt, Instant escalatedAt, String processInstanceId) {}

  /** The scope's overdue cases, longest overdue first; at most {@code limit}. */
  List<OverdueCase> overdue(ReportScope scope, Instant now, int limit) {
    MapSqlParameterSource params = new MapSqlParameterSource("now", utc(now)).addValue("limit", limit);
    if (!scope.everything()) {
      params.addValue("services", scope.serviceIds().isEmpty() ? List.of(-1L) : scope.serviceIds());
    }
    List<OverdueCase> cases = jdbc.query("select s.reference, s.criticality, c.service_id, c.opened_at,"
        + " c.response_due_at, c.escalation_due_at, c.overdue_at, c.reminded_at, c.escalated_at"
        + " from service_case c join story s on s.id = c.story_id where c.first_response_at is null"
        + " and c.overdue_at <= :now" + caseScope(scope)
        + " order by c.overdue_at, s.reference, c.service_id limit :limit", params, (row, n) -> {
          int criticality = row.getInt(2);
          return new OverdueCase(row.getString(1), row.wasNull() ? null : criticality, row.getLong(3),
              instant(row, 4), instant(row, 5), instant(row, 6), instant(row, 7), instant(row, 8), instant(row, 9),
              null);
        });
    return withProcessInstances(cases);
  }

  /** How many cases are overdue now in the scope. */
  long countOverdue(ReportScope scope, Instant now) {
    MapSqlParameterSource params = new MapSqlParameterSource("now", utc(now));
    if (!scope.everything()) {
      params.addValue("services", scope.serviceIds().isEmpty() ? List.of(-1L) : scope.serviceIds());
    }
    return jdbc.queryForObject("select count(*) from service_case c where c.first_response_at is null"
        + " and c.overdue_at <= :now" + caseScope(scope), params, Long.class);
  }

  /** The running service-response case of each overdue case, found by business key and service. */
  private List<OverdueCase> withProcessInstances(List<OverdueCase> cases) {
    if (cases.isEmpty()) {
      return cases;
    }
    Map<String, String> instances = new HashMap<>();
    List<String> references = cases.stream().map(OverdueCase::reference).distinct().toList();
    for (int start = 0; start < references.size(); start += 500) {
      MapSqlParameterSource params = new MapSqlParameterSource("references",
          references.subList(start, Math.min(references.size(), start + 500)))
          .addValue("key", org.carevoice.response.ServiceResponse.PROCESS_KEY)
          .addValue("variable", org.carevoice.response.ServiceResponse.Vars.SERVICE_ID.name());
      jdbc.query("select E.BUSINESS_KEY_, V.LONG_, E.ID_ from ACT_RU_EXECUTION E"
          + " join ACT_RE_PROCDEF D on D.ID_ = E.PROC_DEF_ID_"
          + " join ACT_RU_VARIABLE V on V.EXECUTION_ID_ = E.ID_ and V.NAME_ = :variable"
          + " where E.BUSINESS_KEY_ in (:references) and E.ID_ = E.PROC_INST_ID_ and D.KEY_ = :key", params,
          row -> {
            instances.put(row.getString(1) + "/" + row.getLong(2), row.getString(3));
          });
    }
    return cases.stream().map(c -> new OverdueCase(c.reference(), c.criticality(), c.serviceId(), c.openedAt(),
        c.responseDue(), c.escalationDue(), c.overdueAt(), c.remindedAt(), c.escalatedAt(),
        instances.get(c.reference() + "/" + c.serviceId()))).toList();
  }

  // --- helpers -----------------------------------------------------------------------------------

  private static MapSqlParameterSource params(ReportScope scope, ReportPeriod period, Instant now) {
    MapSqlParameterSource params = new MapSqlParameterSource()
        .addValue("from", utc(period.start())).addValue("to", utc(period.end())).addValue("now", utc(now));
    List<Instant> boundaries = period.trendBoundaries();
    for (int i = 0; i < boundaries.size(); i++) {
      params.addValue("m" + i, utc(boundaries.get(i)));
    }
    if (!scope.everything()) {
      // An empty scope matches nothing (ids start at 1).
      params.addValue("services", scope.serviceIds().isEmpty() ? List.of(-1L) : scope.serviceIds());
    }
    return params;
  }

  private static String storyScope(ReportScope scope) {
    return scope.everything() ? "" : " and exists (select 1 from story_service ss where ss.story_id = s.id"
        + " and ss.service_id in (:services))";
  }

  private static String caseScope(ReportScope scope) {
    return scope.everything() ? "" : " and c.service_id in (:services)";
  }

  private static String responseScope(ReportScope scope) {
    return scope.everything() ? "" : " and r.service_id in (:services)";
  }

  /**
   * The trend months as a table {@code m (i, lo, hi)}: month i from lo (inclusive) to hi
   * (exclusive); with the period as i = -1 too. A range join on it reads each month's rows from
   * the index and only counts them (a sum of twelve conditions per row was the reports' main cost).
   */
  private static String months(boolean withPeriod) {
    StringBuilder sql = new StringBuilder("(");
    for (int i = 0; i < ReportPeriod.TREND_MONTHS; i++) {
      sql.append(i == 0 ? "" : " union all ").append("select ").append(i).append(i == 0 ? " as i, " : ", ")
          .append(moment(":m" + i)).append(i == 0 ? " as lo, " : ", ").append(moment(":m" + (i + 1)))
          .append(i == 0 ? " as hi" : "");
    }
    if (withPeriod) {
      sql.append(" union all select -1, ").append(moment(":from")).append(", ").append(moment(":to"));
    }
    return sql.append(") m").toString();
  }

  private static String moment(String parameter) {
    return "cast(" + parameter + " as timestamp with time zone)";
  }

  private static Double number(ResultSet row, int column) throws SQLException {
    double value = row.getDouble(column);
    return row.wasNull() ? null : value;
  }

  private static Instant instant(ResultSet row, int column) throws SQLException {
    OffsetDateTime value = row.getObject(column, OffsetDateTime.class);
    return value == null ? null : value.toInstant();
  }

  static OffsetDateTime utc(Instant instant) {
    return instant.atOffset(ZoneOffset.UTC);
  }
}
