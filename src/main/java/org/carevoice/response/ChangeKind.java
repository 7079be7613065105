package org.carevoice.response;

import java.util.Locale;
import java.util.Optional;

/**
 * What a later change update on a published response reports: a change the service plans, or one
 * it has made. A planned change may later be reported as made; a made change is final.
 */
public enum ChangeKind {
  PLANNED,
  MADE;

  /** As stored in {@code response.change_type} and in the update's case: "planned" or "made". */
  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Whether a response whose change is {@code current} ("none", "planned", "made" or null) may move to this kind. */
  boolean follows(String current) {
    if (current == null || current.equals("none")) {
      return true;
    }
    return this == MADE && current.equals(PLANNED.code());
  }

  /** "planned" or "made" (as a form or a case sends it); empty for anything else. */
  public static Optional<ChangeKind> of(String code) {
    for (ChangeKind kind : values()) {
      if (kind.code().equals(code)) {
        return Optional.of(kind);
      }
    }
    return Optional.empty();
  }
}
