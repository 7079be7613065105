package org.carevoice.reporting;

import java.util.List;

/**
 * CSV as spreadsheets read it (RFC 4180, UTF-8, CRLF), safe to open: a cell that a spreadsheet
 * would take for a formula (starting with =, +, -, @, a tab or a carriage return) gets a leading
 * apostrophe, so a service or tag name can never run as a formula.
 */
final class Csv {

  private final StringBuilder text = new StringBuilder();

  Csv row(List<?> cells) {
    for (int i = 0; i < cells.size(); i++) {
      if (i > 0) {
        text.append(',');
      }
      text.append(cell(cells.get(i)));
    }
    text.append("\r\n");
    return this;
  }

  Csv row(Object... cells) {
    return row(java.util.Arrays.asList(cells));
  }

  static String cell(Object value) {
    if (value == null) {
      return "";
    }
    String text = value instanceof Number ? value.toString() : neutralised(value.toString());
    if (text.indexOf(',') >= 0 || text.indexOf('"') >= 0 || text.indexOf('\n') >= 0 || text.indexOf('\r') >= 0) {
      return '"' + text.replace("\"", "\"\"") + '"';
    }
    return text;
  }

  /** A text a spreadsheet would start a formula with, made plain text. */
  static String neutralised(String text) {
    if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
      return "'" + text;
    }
    return text;
  }

  @Override
  public String toString() {
    return text.toString();
  }
}
