package org.carevoice.system;

import java.util.Locale;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * How task listeners refuse what a person entered in a task's form, in the words of
 * messages.properties ({@code task.*}): the refusal reaches Tasklist, or an engine REST client, as
 * HTTP 400 with that message, and the task stays open with nothing saved.
 */
@Component
public class TaskRefusals {

  private static final Locale LOCALE = Locale.UK;

  private final MessageSource messages;

  TaskRefusals(MessageSource messages) {
    this.messages = messages;
  }

  /** The refusal worded by this message key; throw it. */
  public TaskInputException refusal(String messageKey, Object... arguments) {
    return new TaskInputException(messages.getMessage(messageKey, arguments, LOCALE));
  }

  /**
   * The text entered in a form field, stripped as it will be saved; empty when none was entered.
   * Refused, naming the field ({@code task.field.<variable>}) and the limit, when it is longer than
   * the column it is saved to: {@code maxLength} is that column's constant, declared once on the entity.
   */
  public Optional<String> text(VariableScope task, ProcessVariable<String> field, int maxLength) {
    Optional<String> text = field.find(task).map(String::strip);
    int length = text.map(String::length).orElse(0);
    if (length > maxLength) {
      throw refusal("task.input.tooLong", messages.getMessage("task.field." + field.name(), null, LOCALE),
          maxLength, length, field.name());
    }
    return text.filter(value -> !value.isEmpty());
  }
}
