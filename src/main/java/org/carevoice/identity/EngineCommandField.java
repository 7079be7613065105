package org.carevoice.identity;

import java.lang.reflect.Field;
import org.camunda.bpm.engine.BadUserRequestException;

/**
 * A field of one of the engine's commands that a guard reads (or rewrites) by name, since the
 * command has no getter for it. Looked up once: if a Camunda upgrade renames it, {@link #present()}
 * is false, which the guards' build-time tests check, and at run time every command that needs it
 * is refused with the given message rather than let through unchecked.
 */
final class EngineCommandField {

  private final Field field;
  private final String refusal;

  EngineCommandField(Class<?> owner, String name, String refusal) {
    Field found;
    try {
      found = owner.getDeclaredField(name);
      found.setAccessible(true);
    } catch (NoSuchFieldException | RuntimeException e) {
      found = null;
    }
    this.field = found;
    this.refusal = refusal;
  }

  boolean present() {
    return field != null;
  }

  Object read(Object command) {
    try {
      return accessible().get(command);
    } catch (IllegalAccessException e) {
      throw refused();
    }
  }

  void write(Object command, Object value) {
    try {
      accessible().set(command, value);
    } catch (IllegalAccessException | IllegalArgumentException e) {
      throw refused();
    }
  }

  private Field accessible() {
    if (field == null) {
      throw refused();
    }
    return field;
  }

  private BadUserRequestException refused() {
    return new BadUserRequestException(refusal);
  }
}
