package org.carevoice.dataprotection;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.carevoice.notification.Notifications.HeldEmail;

/**
 * Everything Carevoice holds about one email address: the stories told with it, the author's
 * replies on them, and the emails sent (or waiting to be sent) to it.
 */
public record SubjectRecord(List<HeldStory> stories, List<HeldReply> replies, List<HeldEmail> emails) {

  public boolean isEmpty() {
    return stories.isEmpty() && replies.isEmpty() && emails.isEmpty();
  }

  public List<String> references() {
    return stories.stream().map(HeldStory::reference).toList();
  }

  /** A story as held: what the author wrote and what was decided about it. */
  public record HeldStory(Long id, String reference, String status, String title, String body, String pseudonym,
      String relationship, LocalDate happenedIn, String channel, List<String> services, List<String> tags,
      Instant submittedAt, Instant publishedAt, Instant endedAt, String rejectionReason, String moderatorMessage,
      String identifierFindings, boolean privateLinkWorks) {}

  /** A reply the author wrote to a response. */
  public record HeldReply(String storyReference, String body, String status, Instant createdAt, Instant publishedAt) {}
}
