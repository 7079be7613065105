package org.carevoice.story;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * A story as the author submits it, already validated.
 *
 * @param honeypotTripped the form's hidden "leave empty" field was filled in (a robot, most likely)
 * @param tags the author's own tags ({@link StoryTags} codes): what was good, what could be improved, how they felt
 */
public record NewStory(String title, String body, String authorPseudonym, String authorEmail,
    Relationship relationship, LocalDate happenedIn, List<Long> serviceIds, Channel channel, boolean honeypotTripped,
    Set<String> tags) {

  public NewStory {
    tags = tags == null ? Set.of() : Set.copyOf(tags);
  }

  public NewStory(String title, String body, String authorPseudonym, String authorEmail, Relationship relationship,
      LocalDate happenedIn, List<Long> serviceIds, Channel channel, boolean honeypotTripped) {
    this(title, body, authorPseudonym, authorEmail, relationship, happenedIn, serviceIds, channel, honeypotTripped,
        Set.of());
  }

  public NewStory(String title, String body, String authorPseudonym, String authorEmail, Relationship relationship,
      LocalDate happenedIn, List<Long> serviceIds, Channel channel) {
    this(title, body, authorPseudonym, authorEmail, relationship, happenedIn, serviceIds, channel, false, Set.of());
  }
}
