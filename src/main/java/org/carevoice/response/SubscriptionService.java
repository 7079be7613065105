package org.carevoice.response;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.carevoice.identity.StaffDirectory;
import org.carevoice.notification.Notifications;
import org.carevoice.organisation.CareService;
import org.carevoice.story.StoryService;
import org.carevoice.story.StoryWithdrawnEvent;
import org.springframework.context.event.EventListener;
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

  static final String DIGEST_TEMPLATE = "daily-digest";

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

  /** The services the user follows one by one (not through a site or an organisation). */
  public java.util.Set<Long> followedServiceIds(String user) {
    return subscriptions.findByUserIdOrderById(user).stream().filter(s -> s.getScope() == Subscription.Scope.SERVICE)
        .map(Subscription::getScopeId).collect(Collectors.toSet());
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
   * each with what they follow that covers the service (the service itself, its site or its
   * organisation: the narrowest, when several do), and queues the story for digest subscribers.
   */
  @Transactional
  public Map<String, Subscription.Scope> published(CareService service, int criticality,
      StoryService.PublishedSummary story) {
    List<Subscription> covering = subscriptions.findCovering(service.getId(), service.getSite().getId(),
        service.getSite().getOrganisation().getId(), criticality);
    Instant now = Instant.now(clock);
    covering.stream().filter(s -> s.getDelivery() == Subscription.Delivery.DIGEST).map(Subscription::getUserId)
        .distinct().forEach(user -> digest.save(new DigestItem(user, story.reference(), story.title(), story.storyUrl(), now)));
    Map<String, Subscription.Scope> instant = new LinkedHashMap<>();
    covering.stream().filter(s -> s.getDelivery() == Subscription.Delivery.INSTANT)
        .sorted(java.util.Comparator.comparing(Subscription::getScope))
        .forEach(s -> staff.emailOf(s.getUserId()).ifPresent(email -> instant.putIfAbsent(email, s.getScope())));
    return instant;
  }

  /**
   * A withdrawn story leaves no trace in the digests: its items go, whether waiting or sent, and
   * every digest email that listed it is rendered again without it (still pending: it goes out
   * without it; sent: only the rewritten text is kept), or erased when it listed nothing else.
   * Digests sent before items knew their email (V9) have the story's line redacted instead.
   */
  @EventListener
  @Transactional
  public void onStoryWithdrawn(StoryWithdrawnEvent event) {
    List<DigestItem> items = digest.findByStoryReference(event.reference());
    if (items.isEmpty()) {
      return;
    }
    digest.deleteAll(items);
    digest.flush();
    Set<Long> emails = items.stream().map(DigestItem::getOutboxMessageId).filter(Objects::nonNull)
        .collect(Collectors.toCollection(TreeSet::new));
    for (Long email : emails) {
      List<DigestItem> rest = digest.findByOutboxMessageIdOrderByIdAsc(email);
      if (rest.isEmpty()) {
        notifications.erase(email);
      } else {
        notifications.rewrite(email, digestModel(rest), rest.size());
      }
    }
    items.stream().filter(item -> item.getSentAt() != null && item.getOutboxMessageId() == null)
        .map(item -> item.getStoryReference() + ": " + item.getTitle()).distinct()
        .forEach(line -> notifications.redact(DIGEST_TEMPLATE, line));
  }

  /**
   * Retention: deletes up to {@code batch} digest items sent before the cutoff. The policy keeps
   * them at least as long as sent emails, so a withdrawal can still rewrite each digest email.
   *
   * @return how many were deleted
   */
  @Transactional
  public int purgeSentDigestItems(Instant cutoff, int batch) {
    List<Long> ids = digest.findSentBefore(cutoff, org.springframework.data.domain.Pageable.ofSize(batch));
    return ids.isEmpty() ? 0 : digest.deleteItems(ids);
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
      Long message = null;
      if (email.isPresent()) {
        message = notifications.queue(null, DIGEST_TEMPLATE, email.get(), digestModel(entry.getValue()),
            entry.getValue().size());
        sent++;
      }
      for (DigestItem item : entry.getValue()) {
        item.sent(now, message);
      }
    }
    return sent;
  }

  private static Map<String, Object> digestModel(List<DigestItem> items) {
    List<Map<String, String>> stories = items.stream().map(item -> Map.of("reference", item.getStoryReference(),
        "title", item.getTitle(), "url", item.getStoryUrl())).toList();
    return Map.of("stories", stories, "staff", true);
  }
}
