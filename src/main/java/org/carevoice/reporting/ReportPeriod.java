package org.carevoice.reporting;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The days a report covers, first and last inclusive, in Scotland's time: a calendar month,
 * quarter or year, or any run of days. Its moments are from the start of the first day to the
 * start of the day after the last.
 */
record ReportPeriod(Kind kind, LocalDate first, LocalDate last) {

  static final ZoneId SCOTLAND = ZoneId.of("Europe/London");
  /** How many months the trends show, ending with the month of the period's last day. */
  static final int TREND_MONTHS = 12;

  enum Kind {
    MONTH, QUARTER, YEAR, CUSTOM;

    public String code() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /** The month, quarter or year that contains the day. */
  static ReportPeriod containing(Kind kind, LocalDate day) {
    return switch (kind) {
      case MONTH -> new ReportPeriod(kind, day.withDayOfMonth(1), YearMonth.from(day).atEndOfMonth());
      case QUARTER -> {
        LocalDate first = day.with(IsoFields.DAY_OF_QUARTER, 1);
        yield new ReportPeriod(kind, first, first.plusMonths(3).minusDays(1));
      }
      case YEAR -> new ReportPeriod(kind, day.withDayOfYear(1), day.withDayOfYear(day.lengthOfYear()));
      case CUSTOM -> new ReportPeriod(kind, day, day);
    };
  }

  Instant start() {
    return first.atStartOfDay(SCOTLAND).toInstant();
  }

  /** The end, exclusive: the start of the day after the last. */
  Instant end() {
    return last.plusDays(1).atStartOfDay(SCOTLAND).toInstant();
  }

  /** The months of the trends: the twelve up to and including the month of the last day. */
  List<YearMonth> trendMonths() {
    YearMonth lastMonth = YearMonth.from(last);
    List<YearMonth> months = new ArrayList<>();
    for (int back = TREND_MONTHS - 1; back >= 0; back--) {
      months.add(lastMonth.minusMonths(back));
    }
    return months;
  }

  /** The start of each trend month and, last, the start of the month after: 13 moments. */
  List<Instant> trendBoundaries() {
    List<Instant> boundaries = new ArrayList<>();
    for (YearMonth month : trendMonths()) {
      boundaries.add(month.atDay(1).atStartOfDay(SCOTLAND).toInstant());
    }
    boundaries.add(YearMonth.from(last).plusMonths(1).atDay(1).atStartOfDay(SCOTLAND).toInstant());
    return boundaries;
  }
}
