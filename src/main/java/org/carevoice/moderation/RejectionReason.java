package org.carevoice.moderation;

import java.util.Arrays;

/**
 * Why a story is not published, as Care Opinion's moderation guidelines name the cases. The
 * codes are the values of the moderation form's "reason" field and of the {@code rejectionReason}
 * process variable; the author's email explains each in plain words (messages.properties).
 */
public enum RejectionReason {
  NOT_ABOUT_CARE,
  OLDER_THAN_3_YEARS,
  COMMERCIAL_OR_IRRELEVANT,
  ABUSIVE,
  DUPLICATE,
  MAY_PREJUDICE_COMPLAINT,
  /** Set by the lifecycle when the safeguarding lead decides the story must not be published. */
  SAFEGUARDING_CONCERN;

  public static boolean isKnown(String code) {
    return code != null && Arrays.stream(values()).anyMatch(reason -> reason.name().equals(code));
  }
}
