package org.carevoice.response;

import java.time.Instant;
import java.util.List;
import org.carevoice.organisation.CareService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Responses of services to stories. */
@Service
@Transactional(readOnly = true)
public class ResponseService {

  private final ResponseRepository responses;

  ResponseService(ResponseRepository responses) {
    this.responses = responses;
  }

  /** The published responses to a story, oldest first, with their services. */
  public List<Response> publishedFor(Long storyId) {
    return responses.findPublishedByStoryId(storyId);
  }

  /**
   * Records a response that was written and published elsewhere (an import from an earlier
   * system, or the demo data), with its original publication time.
   */
  @Transactional
  public Response importPublished(Long storyId, CareService service, String body, String responderName,
      String responderRole, Instant publishedAt) {
    Response response = new Response(storyId, service, body, responderName, responderRole, publishedAt);
    response.publish(publishedAt);
    return responses.save(response);
  }
}
