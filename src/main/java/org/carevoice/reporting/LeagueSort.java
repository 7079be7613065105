package org.carevoice.reporting;

import java.util.Comparator;
import java.util.Locale;

/** The columns the league table sorts by ({@code sort=} in the address), and their natural order. */
enum LeagueSort {
  SERVICE(false, Comparator.comparing(row -> row.service().fullName(), String.CASE_INSENSITIVE_ORDER)),
  PUBLISHED(true, Comparator.comparingLong(LeagueRow::published)),
  RATE(true, Comparator.comparing(LeagueRow::ratePercent, Comparator.nullsFirst(Comparator.naturalOrder()))),
  MEDIAN(false, Comparator.comparing(LeagueRow::medianHours, Comparator.nullsLast(Comparator.naturalOrder()))),
  P90(false, Comparator.comparing(LeagueRow::p90Hours, Comparator.nullsLast(Comparator.naturalOrder()))),
  UNANSWERED(true, Comparator.comparingLong(LeagueRow::unanswered)),
  OVERDUE(true, Comparator.comparingLong(LeagueRow::overdue)),
  ESCALATIONS(true, Comparator.comparingLong(LeagueRow::escalations)),
  CRITICAL(true, Comparator.comparingLong(LeagueRow::critical)),
  RECOGNISED(true, Comparator.comparingLong(LeagueRow::recognised));

  private final boolean descendingByDefault;
  private final Comparator<LeagueRow> ascending;

  LeagueSort(boolean descendingByDefault, Comparator<LeagueRow> ascending) {
    this.descendingByDefault = descendingByDefault;
    this.ascending = ascending;
  }

  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  boolean descendingByDefault() {
    return descendingByDefault;
  }

  /** Sorted this way, ties by service name. */
  Comparator<LeagueRow> comparator(boolean descending) {
    Comparator<LeagueRow> byName = SERVICE.ascending;
    return (descending ? ascending.reversed() : ascending).thenComparing(byName);
  }

  static LeagueSort byCode(String code) {
    for (LeagueSort sort : values()) {
      if (sort.code().equalsIgnoreCase(code)) {
        return sort;
      }
    }
    return null;
  }
}
