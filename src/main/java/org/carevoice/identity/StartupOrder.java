package org.carevoice.identity;

/**
 * The order of the start-up runners: the organisation tree first (its services name the groups),
 * then groups and authorizations, then the demo users who join those groups.
 */
public final class StartupOrder {

  public static final int ORGANISATION = 0;
  public static final int ACCESS = 10;
  public static final int DEMO_USERS = 20;

  private StartupOrder() {}
}
