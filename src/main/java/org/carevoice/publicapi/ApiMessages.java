package org.carevoice.publicapi;

import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/** The API's words, from messages.properties (keys {@code api.*}, the tag labels). */
@Component
class ApiMessages {

  private static final Locale LOCALE = Locale.UK;

  private final MessageSource messages;

  ApiMessages(MessageSource messages) {
    this.messages = messages;
  }

  String get(String key, Object... arguments) {
    return messages.getMessage(key, arguments, LOCALE);
  }
}
