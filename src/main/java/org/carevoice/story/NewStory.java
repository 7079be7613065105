package org.carevoice.story;

import java.time.LocalDate;
import java.util.List;

/**
 * A story as the author submits it, already validated.
 *
 * @param honeypotTripped the form's hidden "leave empty" field was filled in (a robot, most likely)
 */
public record NewStory(String title, String body, String authorPseudonym, String authorEmail,
    Relationship relationship, LocalDate happenedIn, List<Long> serviceIds, Channel channel, boolean honeypotTripped) {

  public NewStory(String title, String body, String authorPseudonym, String authorEmail, Relationship relationship,
      LocalDate happenedIn, List<Long> serviceIds, Channel channel) {
    this(title, body, authorPseudonym, authorEmail, relationship, happenedIn, serviceIds, channel, false);
  }
}
