package org.carevoice.reporting;

/** The signed-in person may see no report, or not the one asked for: 403 with a plain page. */
class ReportsNotAllowedException extends RuntimeException {

  ReportsNotAllowedException() {
    super(null, null, false, false);
  }
}
