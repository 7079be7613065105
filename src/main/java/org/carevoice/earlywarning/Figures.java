package org.carevoice.earlywarning;

import java.util.List;

/**
 * What the check measured for one service and one {@link Check}, as the decision and the email see
 * it (docs/early-warning.md defines each window).
 *
 * @param figure the number the decision tests: matching stories now, or cases overdue in a row
 * @param matchingNow matching stories (or cases unanswered at their overdue date) in the current window
 * @param totalNow all the service's published stories (or cases that reached their overdue date) in it
 * @param matchingBefore the same in the earlier window
 * @param totalBefore the same in the earlier window
 * @param shareNow matchingNow as a per cent of totalNow, one decimal; null when totalNow is 0
 * @param shareBefore the same for the earlier window; null when totalBefore is 0
 * @param storyIds the stories behind the figure, newest first
 */
public record Figures(int figure, int matchingNow, int totalNow, int matchingBefore, int totalBefore,
    Double shareNow, Double shareBefore, List<Long> storyIds) {

  public Figures {
    storyIds = List.copyOf(storyIds);
  }

  static Double share(int matching, int total) {
    return total == 0 ? null : Math.round(1000.0 * matching / total) / 10.0;
  }
}
