package org.carevoice.publication;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.carevoice.identity.StaffAlerts;
import org.carevoice.identity.StaffDirectory;
import org.carevoice.organisation.CareService;
import org.carevoice.story.Story;
import org.carevoice.story.StoryService;
import org.carevoice.story.StoryWithdrawnEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Celebrating good stories: sharing them with colleagues, and recognising them on a service's page. */
@Service
@Transactional(readOnly = true)
public class CelebrationService {

  private final StaffRecognitionRepository recognitions;
  private final StoryService stories;
  private final StaffAlerts alerts;
  private final StaffDirectory staff;
  private final Clock clock;

  CelebrationService(StaffRecognitionRepository recognitions, StoryService stories, StaffAlerts alerts,
      StaffDirectory staff, Clock clock) {
    this.recognitions = recognitions;
    this.stories = stories;
    this.alerts = alerts;
    this.staff = staff;
    this.clock = clock;
  }

  /** Emails a staff group's members, or one colleague, a link to the story; returns how many were emailed. */
  @Transactional
  public int share(Story story, String sharedBy, String group, String colleague) {
    Map<String, Object> model = Map.of("title", story.getTitle(), "storyUrl", stories.publicUrl(story), "sharedBy", sharedBy);
    if (colleague != null && !colleague.isBlank()) {
      Optional<String> email = staff.emailOf(colleague.strip());
      return email.map(address -> alerts.alert(List.of(), List.of(address), "story-shared", story.getReference(), model))
          .orElse(0);
    }
    return alerts.alert(List.of(group), "story-shared", story.getReference(), model);
  }

  /** Marks the story as staff recognition for each of its services (once). */
  @Transactional
  public void recognise(Story story, String user) {
    for (CareService service : story.getServices()) {
      if (!recognitions.existsByStoryIdAndServiceId(story.getId(), service.getId())) {
        recognitions.save(new StaffRecognition(story.getId(), service.getId(), user, Instant.now(clock)));
      }
    }
  }

  /** A withdrawn story is no longer anyone's recognition: its marks go. */
  @EventListener
  @Transactional
  public void onStoryWithdrawn(StoryWithdrawnEvent event) {
    recognitions.deleteByStoryId(event.storyId());
  }

  /** The published stories recognised for a service, newest first. */
  public List<Story> recognised(CareService service) {
    return stories.findPublishedByIds(recognitions.findByServiceIdOrderByRecognisedAtDesc(service.getId()).stream()
        .map(StaffRecognition::getStoryId).toList());
  }
}
