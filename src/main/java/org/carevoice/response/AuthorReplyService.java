package org.carevoice.response;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.carevoice.identity.StaffAlerts;
import org.carevoice.story.Story;
import org.carevoice.story.StoryService;
import org.carevoice.story.StoryStatus;
import org.carevoice.story.StoryWithdrawnEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The author's replies to responses: sent from the private page, moderated, published. */
@Service
@Transactional(readOnly = true)
public class AuthorReplyService {

  private final AuthorReplyRepository replies;
  private final ResponseRepository responses;
  private final StoryService stories;
  private final AuthorReplyLifecycle lifecycle;
  private final StaffAlerts alerts;
  private final Clock clock;

  AuthorReplyService(AuthorReplyRepository replies, ResponseRepository responses, StoryService stories,
      AuthorReplyLifecycle lifecycle, StaffAlerts alerts, Clock clock) {
    this.replies = replies;
    this.responses = responses;
    this.stories = stories;
    this.lifecycle = lifecycle;
    this.alerts = alerts;
    this.clock = clock;
  }

  /** The author's story (by private token), its published responses and the replies. */
  public record Conversation(Story story, List<Response> responses, List<AuthorReply> replies) {}

  public Conversation conversation(Story story) {
    return new Conversation(story, responses.findPublishedByStoryId(story.getId()),
        replies.findByStoryIdOrderById(story.getId()));
  }

  /** Sends a reply to one of the story's published responses into moderation. */
  @Transactional
  public void reply(Story story, Long responseId, String body) {
    Response response = responses.findById(responseId)
        .filter(r -> r.getStoryId().equals(story.getId()) && r.isPublished())
        .orElseThrow(() -> new IllegalArgumentException("No such response to this story"));
    if (story.getStatus() != StoryStatus.PUBLISHED) {
      throw new IllegalArgumentException("Only a published story can be replied to");
    }
    AuthorReply reply = replies.save(new AuthorReply(story.getId(), response.getId(), body.strip(), Instant.now(clock)));
    lifecycle.start(story.getReference(), reply);
  }

  /** The published replies under a story's responses, for the public page. */
  public List<AuthorReply> publishedReplies(Long storyId) {
    return replies.findPublishedByStoryId(storyId);
  }

  public AuthorReply find(Long replyId) {
    return replies.findById(replyId).orElseThrow();
  }

  /** Publishes the reply, tells the author and emails the responder's team. */
  @Transactional
  public void publish(Long replyId) {
    AuthorReply reply = find(replyId);
    reply.publish(Instant.now(clock));
    stories.replyModerated(reply.getStoryId(), true);
    Response response = responses.findById(reply.getResponseId()).orElseThrow();
    StoryService.PublishedSummary story = stories.publishedSummary(reply.getStoryId());
    alerts.alert(List.of(response.getService().getResponderGroup()), "reply-to-response", story.reference(),
        Map.of("storyUrl", story.storyUrl()));
  }

  @Transactional
  public void decline(Long replyId) {
    AuthorReply reply = find(replyId);
    reply.reject();
    stories.replyModerated(reply.getStoryId(), false);
  }

  /**
   * Retention: deletes up to {@code batch} replies that moderators declined, written before the
   * cutoff (never published, kept only while the author might ask why).
   *
   * @return how many were deleted
   */
  @Transactional
  public int purgeDeclined(Instant cutoff, int batch) {
    List<Long> ids = replies.findDeclinedBefore(cutoff, org.springframework.data.domain.Pageable.ofSize(batch));
    return ids.isEmpty() ? 0 : replies.deleteReplies(ids);
  }

  /** Every reply of these stories, whatever its state, oldest first (a subject access request). */
  public List<AuthorReply> repliesOf(java.util.Collection<Long> storyIds) {
    return storyIds.isEmpty() ? List.of() : replies.findByStoryIdInOrderByCreatedAtAscIdAsc(storyIds);
  }

  /** Withdrawal erases the author's replies and ends their moderation. */
  @EventListener
  @Transactional
  public void onStoryWithdrawn(StoryWithdrawnEvent event) {
    replies.deleteByStoryId(event.storyId());
    lifecycle.cancel(event.reference());
  }
}
