package org.carevoice.story;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/** No story behind a private link. */
@ResponseStatus(HttpStatus.NOT_FOUND)
public class StoryNotFoundException extends RuntimeException {

  public StoryNotFoundException() {
    super("No story for this link");
  }
}
