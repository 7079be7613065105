package org.carevoice.earlywarning;

import java.util.Arrays;

/**
 * What the early warning looks for in a service's stories (docs/early-warning.md). The codes are the
 * values of the decision's {@code signal} input and of {@code early_warning.signal_code}.
 */
public enum Signal {
  /** Strongly or severely critical stories (criticality 4 or 5) published in the last 7 days. */
  CRITICAL_STORIES("critical-stories"),
  /** One "could be improved" tag's share of the last 28 days' stories, against the 84 days before. */
  RISING_IMPROVE_TAG("rising-improve-tag"),
  /** The service's latest cases to reach their overdue date, in a row, all unanswered by then. */
  OVERDUE_IN_A_ROW("overdue-in-a-row");

  private final String code;

  Signal(String code) {
    this.code = code;
  }

  public String code() {
    return code;
  }

  public static Signal ofCode(String code) {
    return Arrays.stream(values()).filter(signal -> signal.code.equals(code)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("No early-warning signal '" + code + "'"));
  }
}
