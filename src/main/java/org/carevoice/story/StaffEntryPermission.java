package org.carevoice.story;

import org.springframework.security.core.Authentication;

/**
 * Who may enter a story on its author's behalf at /staff/stories/new. The rule is identity's
 * ({@code identity.StaffCheck}: any staff group), kept behind this interface so that the story
 * feature does not depend on identity (which depends on story).
 */
public interface StaffEntryPermission {

  /** Whether this signed-in user may enter stories taken by phone or on paper. */
  boolean mayEnterStories(Authentication user);
}
