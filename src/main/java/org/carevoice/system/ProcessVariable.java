package org.carevoice.system;

import java.util.Objects;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.variable.VariableMap;

/**
 * A process variable declared once, with its name and type, so that no code reads a variable
 * with a raw cast. Each process declares its variables in its own constants class.
 *
 * @param <T> the Java type of the value
 */
public final class ProcessVariable<T> {

  private final String name;
  private final Class<T> type;

  private ProcessVariable(String name, Class<T> type) {
    this.name = Objects.requireNonNull(name);
    this.type = Objects.requireNonNull(type);
  }

  public static <T> ProcessVariable<T> of(String name, Class<T> type) {
    return new ProcessVariable<>(name, type);
  }

  public String name() {
    return name;
  }

  /** The value, searched from this scope upwards; absent when not set. */
  public Optional<T> find(VariableScope scope) {
    return Optional.ofNullable(convert(scope.getVariable(name)));
  }

  /** The value, which must be set: a missing value is a modelling error, not a business outcome. */
  public T get(VariableScope scope) {
    return find(scope).orElseThrow(() -> new IllegalStateException("Process variable '" + name + "' is not set"));
  }

  public void set(VariableScope scope, T value) {
    scope.setVariable(name, value);
  }

  public void setLocal(VariableScope scope, T value) {
    scope.setVariableLocal(name, value);
  }

  public void put(VariableMap variables, T value) {
    variables.putValue(name, value);
  }

  /**
   * Numbers arrive from forms and REST clients as Integer, Long or text: accept all three. A value
   * that is none of them ({@code storyId} = "abc") is an {@link InvalidValueException}.
   */
  private T convert(Object value) {
    if (value == null || type.isInstance(value)) {
      return type.cast(value);
    }
    if (Number.class.isAssignableFrom(type)) {
      String text = value.toString().trim();
      try {
        if (type == Integer.class) {
          return type.cast(Integer.valueOf(text));
        }
        if (type == Long.class) {
          return type.cast(Long.valueOf(text));
        }
      } catch (NumberFormatException e) {
        throw new InvalidValueException(name, type);
      }
    }
    if (type == String.class) {
      return type.cast(value.toString());
    }
    throw new InvalidValueException(name, type);
  }

  /**
   * A variable holds a value its declared type cannot take, e.g. a {@code storyId} that is not a
   * number. The message names the variable and the type, never the value. Thrown from a task
   * listener, it becomes a refusal (HTTP 400), not a 500: {@link TaskInputExceptionInterceptor}. It
   * is a {@link NumberFormatException}, as parsing a number from a form always was, so that a
   * listener checking a number entered in a form keeps catching it.
   */
  public static final class InvalidValueException extends NumberFormatException {

    private final String variableName;

    InvalidValueException(String variableName, Class<?> type) {
      super("Process variable '" + variableName + "' does not hold a valid " + type.getSimpleName());
      this.variableName = variableName;
    }

    public String variableName() {
      return variableName;
    }
  }

  @Override
  public String toString() {
    return name;
  }
}
