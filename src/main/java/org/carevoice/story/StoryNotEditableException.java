package org.carevoice.story;

/** The author tried to edit a story that is not waiting for changes. */
public class StoryNotEditableException extends RuntimeException {

  public StoryNotEditableException() {
    super("This story is not waiting for changes");
  }
}
