package org.carevoice.system;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonMappingException;

/**
 * The one rule for text from outside (request parameters, path segments, JSON strings, user names):
 * no C0 control characters (U+0000 to U+001F) but tab, line feed and carriage return. PostgreSQL
 * refuses U+0000 in text outright, and the others are invisible in pages, emails and exports. Text
 * that breaks the rule is refused with a 4xx that says where, never stored, never cleaned silently.
 * See docs/security.md, "Hostile input".
 */
public final class PlainText {

  /** Shown in a re-shown form where a control character was, so the author can find it. */
  public static final char MARK = '\uFFFD';

  private PlainText() {}

  public static boolean isPlain(CharSequence text) {
    if (text == null) {
      return true;
    }
    for (int i = 0; i < text.length(); i++) {
      if (isControl(text.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  /** The text with each refused control character replaced by {@link #MARK}. */
  public static String visible(String text) {
    if (isPlain(text)) {
      return text;
    }
    StringBuilder shown = new StringBuilder(text.length());
    text.chars().forEach(c -> shown.append(isControl((char) c) ? MARK : (char) c));
    return shown.toString();
  }

  private static boolean isControl(char c) {
    return c < 0x20 && c != '\t' && c != '\n' && c != '\r';
  }

  /** A request parameter or path segment with a control character (from the web binding's editor). */
  public static final class Refused extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    Refused() {
      super("contains a control character");
    }
  }

  /** A JSON string with a control character; its path names the field. */
  public static final class RefusedInJson extends JsonMappingException {

    private static final long serialVersionUID = 1L;

    RefusedInJson(JsonParser parser) {
      super(parser, "A string contains a control character");
    }
  }
}
