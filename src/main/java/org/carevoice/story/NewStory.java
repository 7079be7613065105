package org.carevoice.story;

import java.time.LocalDate;
import java.util.List;

/**
 * A story as the author submits it, already validated.
 *
 * @param authorEmail where to tell the author about the story; may be null for a story that staff
 *     took by phone or on paper (the author is then told nothing by email, and the staff member
 *     passes on the private link)
 * @param honeypotTripped the form's hidden "leave empty" field was filled in (a robot, most likely)
 * @param tags tag codes the author chose ({@link StoryTags}); moderators may change them
 */
public record NewStory(String title, String body, String authorPseudonym, String authorEmail,
    Relationship relationship, LocalDate happenedIn, List<Long> serviceIds, Channel channel, boolean honeypotTripped,
    List<String> tags) {

  public NewStory {
    tags = tags == null ? List.of() : List.copyOf(tags);
  }

  public NewStory(String title, String body, String authorPseudonym, String authorEmail, Relationship relationship,
      LocalDate happenedIn, List<Long> serviceIds, Channel channel, boolean honeypotTripped) {
    this(title, body, authorPseudonym, authorEmail, relationship, happenedIn, serviceIds, channel, honeypotTripped,
        List.of());
  }

  public NewStory(String title, String body, String authorPseudonym, String authorEmail, Relationship relationship,
      LocalDate happenedIn, List<Long> serviceIds, Channel channel) {
    this(title, body, authorPseudonym, authorEmail, relationship, happenedIn, serviceIds, channel, false);
  }
}
