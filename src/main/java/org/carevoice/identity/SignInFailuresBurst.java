package org.carevoice.identity;

import java.time.Instant;

/**
 * One user name has had many wrong passwords in a row (carevoice.login-throttle.alert).
 *
 * @param account the user name as it was typed
 * @param reference a short hash of the user name, for logs where the name is not written
 * @param failures wrong passwords so far
 * @param since when the first of them came
 */
record SignInFailuresBurst(String account, String reference, int failures, Instant since) {}
