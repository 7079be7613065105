package org.carevoice.moderation;

import static org.carevoice.story.StoryLifecycle.Vars.CRITICALITY;
import static org.carevoice.story.StoryLifecycle.Vars.DECISION;
import static org.carevoice.story.StoryLifecycle.Vars.DISPLAY_FINDINGS;
import static org.carevoice.story.StoryLifecycle.Vars.DISPLAY_SERVICES;
import static org.carevoice.story.StoryLifecycle.Vars.DISPLAY_SERVICE_OPTIONS;
import static org.carevoice.story.StoryLifecycle.Vars.DISPLAY_SIGNALS;
import static org.carevoice.story.StoryLifecycle.Vars.DISPLAY_SUGGESTED_TEXT;
import static org.carevoice.story.StoryLifecycle.Vars.MODERATOR;
import static org.carevoice.story.StoryLifecycle.Vars.PRIVATE_MESSAGE_TO_AUTHOR;
import static org.carevoice.story.StoryLifecycle.Vars.PRIVATE_TEXT;
import static org.carevoice.story.StoryLifecycle.Vars.PRIVATE_TITLE;
import static org.carevoice.story.StoryLifecycle.Vars.REJECTION_REASON;
import static org.carevoice.story.StoryLifecycle.Vars.SERVICES;
import static org.carevoice.story.StoryLifecycle.Vars.STORY_ID;
import static org.carevoice.story.StoryLifecycle.Vars.TAGS;
import static org.carevoice.story.StoryLifecycle.Vars.URGENCY;

import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.carevoice.anonymisation.IdentifierScanner;
import org.carevoice.anonymisation.ScanResult;
import org.carevoice.identity.StaffDirectory;
import org.carevoice.organisation.CareService;
import org.carevoice.organisation.OrganisationService;
import org.carevoice.story.ModerationOutcome;
import org.carevoice.story.ModerationView;
import org.carevoice.story.Story;
import org.carevoice.story.StoryTags;
import org.carevoice.story.StoryLifecycle.Decision;
import org.carevoice.story.StoryService;
import org.carevoice.story.UnknownServiceException;
import org.carevoice.system.JsonLists;
import org.carevoice.system.TaskCard;
import org.carevoice.system.TaskRefusals;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Prepares and checks the "Moderate story" task.
 *
 * <p>On create it puts on the task, as task-local variables that never reach history: the title
 * and text to edit ({@code private*}), the services, the screening signals, the identifier
 * findings with a suggested redaction ({@code display*}), and the current tags and services to
 * confirm. It also fills the task's card ({@link TaskCard}): reference, services, urgency, priority, due in one working day,
 * and for a story entered by staff how it came ("Taken by phone, entered by staff"), which the form shows read-only.
 *
 * <p>On complete it checks the decision and the edits on the server, whatever the client sent (each
 * edited text against the column it is saved to), and writes what the moderator decided and
 * changed to the story. A refusal reaches Tasklist as HTTP 400 with its message ({@link TaskRefusals}).
 */
@Component("moderateStoryTaskListener")
public class ModerateStoryTaskListener implements TaskListener {

  private final StoryService stories;
  private final OrganisationService organisation;
  private final IdentifierScanner scanner;
  private final StaffDirectory staff;
  private final Clock clock;
  private final TaskRefusals refusals;
  private final MessageSource messages;

  ModerateStoryTaskListener(StoryService stories, OrganisationService organisation, IdentifierScanner scanner,
      StaffDirectory staff, Clock clock, TaskRefusals refusals, MessageSource messages) {
    this.stories = stories;
    this.organisation = organisation;
    this.scanner = scanner;
    this.staff = staff;
    this.clock = clock;
    this.refusals = refusals;
    this.messages = messages;
  }

  @Override
  public void notify(DelegateTask task) {
    switch (task.getEventName()) {
      case EVENTNAME_CREATE -> prepare(task);
      case EVENTNAME_COMPLETE -> complete(task);
      default -> { }
    }
  }

  private void prepare(DelegateTask task) {
    ModerationView story = stories.moderationView(STORY_ID.get(task));
    ScanResult scan = scanner.scanTail(story.textToScan(), story.body());
    PRIVATE_TITLE.setLocal(task, story.title());
    PRIVATE_TEXT.setLocal(task, story.body());
    PRIVATE_MESSAGE_TO_AUTHOR.setLocal(task, "");
    DISPLAY_SERVICES.setLocal(task, story.services());
    DISPLAY_SIGNALS.setLocal(task, story.signals().isEmpty() ? "None" : String.join("\n", story.signals()));
    DISPLAY_FINDINGS.setLocal(task, IdentifierScanner.describe(scan.findings()));
    DISPLAY_SUGGESTED_TEXT.setLocal(task, scan.findings().isEmpty() ? "" : scan.redactedText());
    task.setVariableLocal(TAGS, JsonLists.json(story.tags()));
    task.setVariableLocal(SERVICES, JsonLists.json(story.serviceIds().stream().map(String::valueOf).toList()));
    task.setVariableLocal(DISPLAY_SERVICE_OPTIONS, JsonLists.json(serviceOptions()));
    TaskCard.show(task, story.reference(), story.services(), Urgency.of(URGENCY.find(task).orElse(null)).card(),
        TaskCard.nextWorkingDay(clock));
    if (story.channel().isEnteredByStaff()) {
      TaskCard.CHANNEL.setLocal(task,
          messages.getMessage("task.card.channel." + story.channel().name(), null, Locale.UK));
    }
  }

  private void complete(DelegateTask task) {
    String decision = DECISION.find(task).orElse("");
    if (!List.of(Decision.APPROVE, Decision.REJECT, Decision.REQUEST_CHANGES).contains(decision)) {
      throw refusals.refusal("task.moderation.decision");
    }
    Integer criticality = criticality(task).orElseThrow(() -> refusals.refusal("task.moderation.criticality"));
    String title = refusals.text(task, PRIVATE_TITLE, Story.TITLE_MAX).orElse(null);
    String text = refusals.text(task, PRIVATE_TEXT, Story.BODY_MAX).orElse(null);
    String message = refusals.text(task, PRIVATE_MESSAGE_TO_AUTHOR, Story.MODERATOR_MESSAGE_MAX).orElse("");
    if (decision.equals(Decision.REJECT) && !RejectionReason.isKnown(REJECTION_REASON.find(task).orElse(null))) {
      throw refusals.refusal("task.moderation.rejectionReason");
    }
    if (decision.equals(Decision.REQUEST_CHANGES) && message.isEmpty()) {
      throw refusals.refusal("task.moderation.messageRequired");
    }
    Set<String> tags = new LinkedHashSet<>(JsonLists.strings(task.getVariableLocal(TAGS)));
    if (!StoryTags.ALL.containsAll(tags)) {
      throw refusals.refusal("task.moderation.unknownTag");
    }
    List<Long> services = serviceIds(task);
    String moderator = Optional.ofNullable(task.getAssignee()).orElseGet(staff::currentUser);
    try {
      stories.recordModeration(STORY_ID.get(task), new ModerationOutcome(moderator, criticality, title, text, tags,
          services, message.isEmpty() ? null : message));
    } catch (UnknownServiceException e) {
      throw refusals.refusal("task.moderation.unknownService");
    }
    CRITICALITY.set(task.getExecution(), criticality);
    MODERATOR.set(task.getExecution(), moderator);
  }

  private static Optional<Integer> criticality(DelegateTask task) {
    try {
      return CRITICALITY.find(task).filter(value -> value >= 0 && value <= 5);
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  private List<Long> serviceIds(DelegateTask task) {
    try {
      return JsonLists.strings(task.getVariableLocal(SERVICES)).stream().map(Long::valueOf).distinct().toList();
    } catch (NumberFormatException e) {
      throw refusals.refusal("task.moderation.unknownService");
    }
  }

  private List<Map<String, String>> serviceOptions() {
    return organisation.allServices().stream()
        .map((CareService service) -> Map.of("label", service.getFullName(), "value", String.valueOf(service.getId())))
        .toList();
  }
}
