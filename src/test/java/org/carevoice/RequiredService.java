package org.carevoice;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Tests that need a real service (PostgreSQL, Chromium) skip with a clear message when it is
 * missing on a developer's machine, and fail under CI=true, where it must be there.
 */
public final class RequiredService {

  private RequiredService() {}

  public static boolean onCi() {
    return "true".equalsIgnoreCase(System.getenv("CI"));
  }

  public static void require(boolean available, String what) {
    if (available) {
      return;
    }
    if (onCi()) {
      fail(what + " is required under CI=true but is not available");
    }
    assumeTrue(false, what + " is not available: skipping (it runs under CI=true)");
  }
}
