package org.carevoice.response;

import java.time.Instant;
import java.util.List;
import org.carevoice.organisation.CareService;
import org.carevoice.story.StoryWithdrawnEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Responses of services to stories. */
@Service
@Transactional(readOnly = true)
public class ResponseService {

  private final ResponseRepository responses;
  private final org.carevoice.story.StoryService stories;

  private final ResponseChangeLifecycle changes;
  private final ServiceResponseLifecycle again;
  private final org.carevoice.story.ServiceCases cases;

  ResponseService(ResponseRepository responses, org.carevoice.story.StoryService stories,
      ResponseChangeLifecycle changes, ServiceResponseLifecycle again, org.carevoice.story.ServiceCases cases) {
    this.responses = responses;
    this.stories = stories;
    this.changes = changes;
    this.again = again;
    this.cases = cases;
  }

  /** What a responder or moderator sees of a response in a form. */
  public record ResponseView(Long id, String body, String responderName, String responderRole, String changeType,
      String changeDescription, String moderatorNote) {}

  /** Responses by one responder before a responder is fast-tracked past moderation. */
  static final int FAST_TRACK_PUBLISHED = 10;
  static final java.time.Duration FAST_TRACK_CLEAN_PERIOD = java.time.Duration.ofDays(90);
  /** Stories this critical or more always have their responses moderated. */
  static final int FAST_TRACK_MAX_CRITICALITY = 2;

  /**
   * Records what a responder wrote (a new response, or a returned one rewritten); it waits for
   * moderation or fast-track publication.
   */
  @Transactional
  public Long write(Long responseId, Long storyId, CareService service, String responder, String body, String name,
      String role, String changeType, String changeDescription) {
    Response response = responseId == null
        ? responses.save(Response.draft(storyId, service, responder, java.time.Instant.now()))
        : responses.findById(responseId).orElseThrow();
    response.write(body.strip(), name.strip(), role.strip(), changeType,
        changeDescription == null || changeDescription.isBlank() ? null : changeDescription.strip(), responder);
    return response.getId();
  }

  /**
   * Light moderation is skipped for a responder with a good record (at least 10 published
   * responses, none returned in the last 90 days) on a story below criticality 3, and never when
   * a change is claimed.
   */
  public boolean isFastTrack(Long responseId, Integer criticality) {
    Response response = responses.findById(responseId).orElseThrow();
    if (response.isChangeClaimed() || criticality == null || criticality > FAST_TRACK_MAX_CRITICALITY
        || response.getResponderUser() == null) {
      return false;
    }
    long published = responses.countByResponderUserAndStatus(response.getResponderUser(), ResponseStatus.PUBLISHED);
    long returned = responses.countReturnedSince(response.getResponderUser(),
        java.time.Instant.now().minus(FAST_TRACK_CLEAN_PERIOD));
    return published >= FAST_TRACK_PUBLISHED && returned == 0;
  }

  /** The full name of the service that wrote the response (for task cards). */
  @Transactional(readOnly = true)
  public String serviceName(Long responseId) {
    return responses.findById(responseId).orElseThrow().getService().getFullName();
  }

  /** Who wrote the response (a staff user id), to tell them when it is returned. */
  @Transactional(readOnly = true)
  public String responderUser(Long responseId) {
    return responses.findById(responseId).orElseThrow().getResponderUser();
  }

  public ResponseView view(Long responseId) {
    Response r = responses.findById(responseId).orElseThrow();
    return new ResponseView(r.getId(), r.getBody(), r.getResponderName(), r.getResponderRole(), r.getChangeType(),
        r.getChangeDescription(), r.getModeratorNote());
  }

  @Transactional
  public void returnToResponders(Long responseId, String note) {
    responses.findById(responseId).orElseThrow().returnToResponders(note);
  }

  /**
   * Publishes the response under the story; returns it for the author's email. The service's
   * first published response answers its case (the reports' response times).
   */
  @Transactional
  public Response publish(Long responseId) {
    Response response = responses.findById(responseId).orElseThrow();
    response.publish(java.time.Instant.now());
    response.getService().getFullName();
    cases.answered(response.getStoryId(), response.getService().getId(), response.getPublishedAt());
    return response;
  }

  /**
   * Staff of the responding service report a change planned or made, on a response already
   * published: the update waits for a moderator in a response-change case, and the response shows
   * it only once published.
   *
   * @throws ChangeNotAcceptedException when the response is not published, an update is already
   *     waiting for a moderator, or the kind would step back (a made change reported as planned)
   */
  @Transactional
  public void reportChange(Long responseId, ChangeKind kind, String description) {
    Response response = responses.findById(responseId).filter(r -> r.acceptsChange(kind))
        .orElseThrow(ChangeNotAcceptedException::new);
    response.reportChange(description.strip());
    changes.start(storyReference(response.getStoryId()), responseId, kind);
  }

  /** The response cannot take this change update now. */
  public static class ChangeNotAcceptedException extends RuntimeException {
    ChangeNotAcceptedException() {
      super("The response does not accept this change update now", null, false, false);
    }
  }

  /** The latest published responses of these services (a team's own), newest first. */
  public List<Response> latestOf(java.util.Collection<Long> serviceIds, int limit) {
    return serviceIds.isEmpty() ? List.of()
        : responses.findLatestPublished(serviceIds, org.springframework.data.domain.PageRequest.of(0, limit));
  }

  /** The references of these stories, by id (the business keys of their cases). */
  public java.util.Map<Long, String> references(java.util.Collection<Long> storyIds) {
    java.util.Map<Long, String> references = new java.util.HashMap<>();
    storyIds.stream().distinct().forEach(id -> references.put(id, storyReference(id)));
    return references;
  }

  /**
   * The published responses to a story written for a service whose responders or managers
   * include one of these groups (the user's own teams), oldest first.
   */
  public List<Response> publishedByTeams(Long storyId, java.util.Collection<String> groups) {
    return responses.findPublishedByStoryId(storyId).stream()
        .filter(r -> groups.contains(r.getService().getResponderGroup()) || groups.contains(r.getService().getManagerGroup()))
        .toList();
  }

  /**
   * A team that has already published a response to a story answers it again: a new respond task
   * for that service. Returns false when the team has no published response to this story.
   */
  @Transactional
  public boolean answerAgain(Long storyId, String responderGroup, Integer criticality) {
    return responses.findPublishedByStoryId(storyId).stream()
        .filter(response -> response.getService().getResponderGroup().equals(responderGroup)).findFirst()
        .map(response -> {
          again.answerAgain(storyReference(storyId), storyId, response.getService().getId(), criticality);
          return true;
        }).orElse(false);
  }

  /** The reference of the story a response answers (the business key of its cases). */
  public String storyReference(Long storyId) {
    return stories.publishedSummary(storyId).reference();
  }

  @Transactional
  public void publishChange(Long responseId, ChangeKind kind) {
    responses.findById(responseId).orElseThrow().publishChange(kind, java.time.Instant.now());
  }

  @Transactional
  public void declineChange(Long responseId) {
    responses.findById(responseId).orElseThrow().declineChange();
  }

  public java.util.Optional<Response> findPublished(Long responseId) {
    return responses.findById(responseId).filter(Response::isPublished).map(response -> {
      response.getService().getFullName();
      return response;
    });
  }

  /** The published responses to a story, oldest first, with their services. */
  public List<Response> publishedFor(Long storyId) {
    return responses.findPublishedByStoryId(storyId);
  }

  /** The latest changes a service has planned or made, as its published responses say. */
  public List<Response> publishedChanges(Long serviceId, int limit) {
    return responses.findPublishedChanges(serviceId, org.springframework.data.domain.PageRequest.of(0, limit));
  }

  /** Of these stories, the ones a service has answered in public. */
  public java.util.Set<Long> answeredStoryIds(java.util.Collection<Long> storyIds) {
    return storyIds.isEmpty() ? java.util.Set.of() : responses.findStoryIdsWithPublishedResponse(storyIds);
  }

  /**
   * Withdrawal unpublishes the story's responses and erases their text (and any change update
   * waiting for a moderator), and ends the response cases that run on their own: change updates
   * in moderation and answers started again. The story's own case cancels the service cases it
   * called.
   */
  @EventListener
  @Transactional
  public void onStoryWithdrawn(StoryWithdrawnEvent event) {
    responses.findByStoryId(event.storyId()).forEach(Response::withdraw);
    responses.flush();
    changes.cancel(event.reference());
    again.cancel(event.reference());
  }

  /**
   * Records a response that was written and published elsewhere (an import from an earlier
   * system, or the demo data), with its original publication time.
   */
  @Transactional
  public Response importPublished(Long storyId, CareService service, String body, String responderName,
      String responderRole, Instant publishedAt) {
    return importPublished(storyId, service, body, responderName, responderRole, publishedAt, null, null, null);
  }

  /**
   * The same, with the change the response planned or made; {@code changeMadeAt} when a planned
   * change was later reported made (its type is then "made").
   */
  @Transactional
  public Response importPublished(Long storyId, CareService service, String body, String responderName,
      String responderRole, Instant publishedAt, String changeType, String changeDescription, Instant changeMadeAt) {
    Response response = new Response(storyId, service, body, responderName, responderRole, publishedAt);
    response.importChange(changeType, changeDescription, changeMadeAt);
    response.publish(publishedAt);
    cases.answered(storyId, service.getId(), publishedAt);
    return responses.save(response);
  }
}
