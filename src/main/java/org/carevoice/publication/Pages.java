package org.carevoice.publication;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;

/**
 * NHS.UK pagination: previous and next links and numbered pages, with the first, the last and
 * the pages around the current one, and gaps (null numbers) between.
 */
record Pages(int current, int total, String previous, String next, List<Item> items) {

  /** A numbered page (url null for a gap). */
  record Item(Integer number, String url, boolean current) {}

  static Pages none() {
    return new Pages(1, 0, null, null, List.of());
  }

  /** How many pages the items fill (at least one). */
  static int count(long totalItems, int pageSize) {
    return (int) Math.max(1, (totalItems + pageSize - 1) / pageSize);
  }

  static Pages of(int current, long totalItems, int pageSize, IntFunction<String> url) {
    int total = count(totalItems, pageSize);
    List<Item> items = new ArrayList<>();
    Integer last = null;
    // Only the first, the last and the pages around the current one: never a walk over every page.
    for (int number : new java.util.TreeSet<>(List.of(1, Math.max(1, current - 1), current,
        Math.min(total, current + 1), total))) {
      if (number < 1 || number > total) {
        continue;
      }
      if (last != null && number > last + 1) {
        items.add(new Item(null, null, false));
      }
      items.add(new Item(number, url.apply(number), number == current));
      last = number;
    }
    return new Pages(current, total, current > 1 ? url.apply(current - 1) : null,
        current < total ? url.apply(current + 1) : null, total > 1 ? items : List.of());
  }

  public boolean isShown() {
    return total > 1;
  }
}
