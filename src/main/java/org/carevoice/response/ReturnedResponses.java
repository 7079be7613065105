package org.carevoice.response;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.carevoice.identity.StaffAlerts;
import org.carevoice.identity.StaffDirectory;
import org.carevoice.system.SiteProperties;
import org.springframework.stereotype.Component;

/**
 * A moderator returned a response: its author (or, when the author is unknown, the service's
 * responders) is emailed the moderator's note and a link to the staff respond page, where the draft
 * waits to be edited. The subject names the story's reference only.
 */
@Component
class ReturnedResponses {

  static final String TEMPLATE = "response-returned";

  private final ResponseService responses;
  private final StaffDirectory staff;
  private final StaffAlerts alerts;
  private final SiteProperties site;

  ReturnedResponses(ResponseService responses, StaffDirectory staff, StaffAlerts alerts, SiteProperties site) {
    this.responses = responses;
    this.staff = staff;
    this.alerts = alerts;
    this.site = site;
  }

  /** Queues the email in the moderator's transaction, so it is sent only if the return commits. */
  void tellResponder(String reference, Long responseId, String responderGroup, String note) {
    Optional<String> author = Optional.ofNullable(responses.responderUser(responseId)).flatMap(staff::emailOf);
    Map<String, Object> model = Map.of("note", note,
        "respondUrl", site.link("/staff/stories/" + reference + "/respond"));
    if (author.isPresent()) {
      alerts.alert(List.of(), author.map(List::of).orElseThrow(), TEMPLATE, reference, model);
    } else {
      alerts.alert(List.of(responderGroup), TEMPLATE, reference, model);
    }
  }
}
