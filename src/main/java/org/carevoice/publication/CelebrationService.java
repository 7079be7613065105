package org.carevoice.publication;

import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.carevoice.identity.StaffAlerts;
import org.carevoice.identity.StaffDirectory;
import org.carevoice.identity.StaffGroups;
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

  private static final Comparator<CareService> BY_NAME = Comparator.comparing(CareService::getFullName);

  private final StaffRecognitionRepository recognitions;
  private final StoryService stories;
  private final StaffAlerts alerts;
  private final StaffDirectory staff;
  private final Clock clock;
  private final StoryShareRepository shares;

  CelebrationService(StaffRecognitionRepository recognitions, StoryService stories, StaffAlerts alerts,
      StaffDirectory staff, Clock clock, StoryShareRepository shares) {
    this.shares = shares;
    this.recognitions = recognitions;
    this.stories = stories;
    this.alerts = alerts;
    this.staff = staff;
    this.clock = clock;
  }

  /**
   * Emails a staff group's members, or one colleague, a link to the story; returns how many were
   * emailed. A share that reached someone is recorded for the reports (who shared, with whom, when).
   */
  @Transactional
  public int share(Story story, String sharedBy, String group, String colleague) {
    Map<String, Object> model = Map.of("title", story.getTitle(), "storyUrl", stories.publicUrl(story), "sharedBy", sharedBy);
    boolean toColleague = colleague != null && !colleague.isBlank();
    int emailed = toColleague
        ? staff.emailOf(colleague.strip())
            .map(address -> alerts.alert(List.of(), List.of(address), "story-shared", story.getReference(), model))
            .orElse(0)
        : alerts.alert(List.of(group), "story-shared", story.getReference(), model);
    if (emailed > 0) {
      shares.save(new StoryShare(story.getId(), sharedBy, toColleague ? null : group,
          toColleague ? colleague.strip() : null, emailed, Instant.now(clock)));
    }
    return emailed;
  }

  /** A share or a recognition made before (the demo's year of history): recorded, nobody emailed. */
  @Transactional
  public void importCelebration(Long storyId, Long serviceId, String user, String sharedWithGroup, Instant sharedAt,
      Instant recognisedAt) {
    if (sharedAt != null) {
      shares.save(new StoryShare(storyId, user, sharedWithGroup, null, 1, sharedAt));
    }
    if (recognisedAt != null && !recognitions.existsByStoryIdAndServiceId(storyId, serviceId)) {
      recognitions.save(new StaffRecognition(storyId, serviceId, user, recognisedAt));
    }
  }

  /**
   * Whether the user may share the story or mark it as staff recognition: a member of the
   * responders' or managers' group of one of the services it is about, or an administrator.
   */
  public boolean mayCelebrate(Story story, String user) {
    return user != null && !servicesOf(story, user).isEmpty();
  }

  /**
   * Marks the story as staff recognition for each of its services that the user works for (an
   * administrator: all of them), once per service.
   *
   * @return the services the story is now recognised for on the user's behalf
   */
  @Transactional
  public List<CareService> recognise(Story story, String user) {
    List<CareService> own = servicesOf(story, user);
    for (CareService service : own) {
      if (!recognitions.existsByStoryIdAndServiceId(story.getId(), service.getId())) {
        recognitions.save(new StaffRecognition(story.getId(), service.getId(), user, Instant.now(clock)));
      }
    }
    return own;
  }

  /**
   * Withdraws the user's recognition of the story (an administrator's withdraws anyone's).
   *
   * @return the services whose recognition page no longer shows the story; empty when the user
   *     had recognised it for none
   */
  @Transactional
  public List<CareService> withdrawRecognition(Story story, String user) {
    List<StaffRecognition> withdrawn = recognitions.findByStoryId(story.getId()).stream()
        .filter(recognition -> isAdmin(user) || recognition.getRecognisedBy().equals(user)).toList();
    recognitions.deleteAll(withdrawn);
    List<Long> serviceIds = withdrawn.stream().map(StaffRecognition::getServiceId).toList();
    return story.getServices().stream().filter(service -> serviceIds.contains(service.getId()))
        .sorted(BY_NAME).toList();
  }

  /** What the celebrate page shows of the story's recognition to this user. */
  public Recognition recognitionOf(Story story, String user) {
    List<StaffRecognition> rows = recognitions.findByStoryId(story.getId());
    List<Long> serviceIds = rows.stream().map(StaffRecognition::getServiceId).toList();
    List<CareService> recognisedFor = story.getServices().stream()
        .filter(service -> serviceIds.contains(service.getId())).sorted(BY_NAME).toList();
    boolean canWithdraw = rows.stream().anyMatch(row -> row.getRecognisedBy().equals(user))
        || (isAdmin(user) && !rows.isEmpty());
    boolean canRecognise = servicesOf(story, user).stream().anyMatch(service -> !serviceIds.contains(service.getId()));
    return new Recognition(recognisedFor, canRecognise, canWithdraw);
  }

  /**
   * The story's recognition as one user sees it.
   *
   * @param recognisedFor the services whose recognition page shows the story
   * @param canRecognise whether the user can add it to the page of a service of theirs
   * @param canWithdraw whether the user has a recognition of it to withdraw
   */
  public record Recognition(List<CareService> recognisedFor, boolean canRecognise, boolean canWithdraw) {}

  /** The story's services whose responders or managers the user belongs to; all of them for an administrator. */
  private List<CareService> servicesOf(Story story, String user) {
    List<String> groups = staff.groupsOf(user);
    boolean admin = groups.contains(StaffGroups.ADMINS);
    return story.getServices().stream()
        .filter(service -> admin || groups.contains(service.getResponderGroup()) || groups.contains(service.getManagerGroup()))
        .sorted(BY_NAME).toList();
  }

  private boolean isAdmin(String user) {
    return staff.isMember(user, StaffGroups.ADMINS);
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
