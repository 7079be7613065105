package org.carevoice.response;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.carevoice.identity.StaffDirectory;
import org.carevoice.notification.Notifications;
import org.carevoice.organisation.CareService;
import org.carevoice.story.StoryService;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Staff subscriptions to services, sites and organisations: an email per published story
 * ("instant"), or a daily digest that batches a day's stories into one email.
 */
@Service
@Transactional(readOnly = true)
public class SubscriptionService {

  private final SubscriptionRepository subscriptions;
  private final DigestItemRepository digest;
  private final StaffDirectory staff;
  private final Notifications notifications;
  private final Clock clock;

  SubscriptionService(SubscriptionRepository subscriptions, DigestItemRepository digest, StaffDirectory staff,
      Notifications notifications, Clock clock) {
    this.subscriptions = subscriptions;
    this.digest = digest;
    this.staff = staff;
    this.notifications = notifications;
    this.clock = clock;
  }

  public List<Subscription> of(String user) {
    return subscriptions.findByUserIdOrderById(user);
  }

  /** Subscribes, or changes the existing subscription to the same scope. */
  @Transactional
  public void subscribe(String user, Subscription.Scope scope, Long scopeId, int minCriticality,
      Subscription.Delivery delivery) {
    subscriptions.findByUserIdAndScopeAndScopeId(user, scope, scopeId).ifPresentOrElse(
        existing -> existing.change(minCriticality, delivery),
        () -> subscriptions.save(new Subscription(user, scope, scopeId, minCriticality, delivery, Instant.now(clock))));
  }

  @Transactional
  public void unsubscribe(String user, Long subscriptionId) {
    subscriptions.findById(subscriptionId).filter(s -> s.getUserId().equals(user)).ifPresent(subscriptions::delete);
  }

  /**
   * A story was published about a service: returns the email addresses of instant subscribers,
   * and queues the story for digest subscribers.
   */
  @Transactional
  public Set<String> published(CareService service, int criticality, StoryService.PublishedSummary story) {
    List<Subscription> covering = subscriptions.findCovering(service.getId(), service.getSite().getId(),
        service.getSite().getOrganisation().getId(), criticality);
    Instant now = Instant.now(clock);
    covering.stream().filter(s -> s.getDelivery() == Subscription.Delivery.DIGEST).map(Subscription::getUserId)
        .distinct().forEach(user -> digest.save(new DigestItem(user, story.reference(), story.title(), story.storyUrl(), now)));
    return covering.stream().filter(s -> s.getDelivery() == Subscription.Delivery.INSTANT)
        .map(s -> staff.emailOf(s.getUserId())).flatMap(java.util.Optional::stream)
        .collect(Collectors.toCollection(java.util.LinkedHashSet::new));
  }

  /** A withdrawn story leaves no trace in the digests still to be sent. */
  @org.springframework.context.event.EventListener
  @Transactional
  public void onStoryWithdrawn(org.carevoice.story.StoryWithdrawnEvent event) {
    digest.deleteByStoryReferenceAndSentAtIsNull(event.reference());
  }

  /** Sends each digest subscriber one email with every story queued since their last digest. */
  @Scheduled(cron = "${carevoice.digest.cron:0 0 7 * * *}", zone = "Europe/London")
  @Transactional
  public int sendDigests() {
    Map<String, List<DigestItem>> byUser = new LinkedHashMap<>();
    for (DigestItem item : digest.findBySentAtIsNullOrderByUserIdAscIdAsc()) {
      byUser.computeIfAbsent(item.getUserId(), user -> new ArrayList<>()).add(item);
    }
    Instant now = Instant.now(clock);
    int sent = 0;
    for (Map.Entry<String, List<DigestItem>> entry : byUser.entrySet()) {
      var email = staff.emailOf(entry.getKey());
      if (email.isPresent()) {
        List<Map<String, String>> stories = entry.getValue().stream().map(item -> Map.of("reference",
            item.getStoryReference(), "title", item.getTitle(), "url", item.getStoryUrl())).toList();
        notifications.queue(null, "daily-digest", email.get(), Map.of("stories", stories, "staff", true),
            stories.size());
        sent++;
      }
      entry.getValue().forEach(item -> item.sent(now));
    }
    return sent;
  }
}
