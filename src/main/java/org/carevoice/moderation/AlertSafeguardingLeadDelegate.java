package org.carevoice.moderation;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.carevoice.identity.StaffAlerts;
import org.carevoice.story.StoryLifecycle.Groups;
import org.springframework.stereotype.Component;

/**
 * Service task "Alert safeguarding lead": at once, by email (through the outbox), with a link
 * straight to the "Review safeguarding concern" task and one to the story's safeguarding page;
 * no story text, no personal data. It runs at its own save point, after the transaction that
 * created the task, which is how the task's id is known. Should the task be gone (a case of an
 * older model version, where the alert came first) the email links to Tasklist's list instead.
 */
@Component("alertSafeguardingLeadDelegate")
public class AlertSafeguardingLeadDelegate implements JavaDelegate {

  private final StaffAlerts alerts;
  private final SafeguardingReviews reviews;

  AlertSafeguardingLeadDelegate(StaffAlerts alerts, SafeguardingReviews reviews) {
    this.alerts = alerts;
    this.reviews = reviews;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String reference = execution.getProcessBusinessKey();
    Map<String, Object> links = new LinkedHashMap<>();
    links.put("safeguardingUrl", reviews.pageUrl(reference));
    reviews.reviewTaskUrl(reference).ifPresent(url -> links.put("taskUrl", url));
    alerts.alert(List.of(Groups.SAFEGUARDING), "safeguarding-alert", reference, links);
  }
}
