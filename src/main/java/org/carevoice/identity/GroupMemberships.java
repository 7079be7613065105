package org.carevoice.identity;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Each staff user's Camunda groups, remembered for a short while so that a request does not ask
 * the database for them again (the staff API signs in on every request, the staff pages and task
 * listeners ask for the signed-in user's groups).
 *
 * <p>A change of group membership made on this node (Camunda Admin, the REST API, the identity
 * service) empties the cache as soon as it commits ({@link GroupMembershipChanges}). A change made
 * on another node of a cluster is seen here when the entry expires, after at most
 * {@code carevoice.identity.groups-cache} (30 seconds by default; {@code PT0S} turns the cache
 * off). A load that overlaps a change is not kept, so a change is never hidden by a read from
 * before it.
 */
@Component
class GroupMemberships {

  private final long ttlNanos;
  private final Map<String, Entry> byUser = new ConcurrentHashMap<>();
  private final AtomicLong changes = new AtomicLong();

  GroupMemberships(@Value("${carevoice.identity.groups-cache:PT30S}") Duration ttl) {
    this.ttlNanos = ttl.toNanos();
  }

  /** The user's groups, from the cache while fresh, else from {@code load}. */
  List<String> groupsOf(String userId, Function<String, List<String>> load) {
    long now = System.nanoTime();
    Entry cached = byUser.get(userId);
    if (cached != null && now - cached.loadedAt() < ttlNanos) {
      return cached.groups();
    }
    long changesBefore = changes.get();
    List<String> groups = List.copyOf(load.apply(userId));
    if (ttlNanos > 0 && changes.get() == changesBefore) {
      byUser.put(userId, new Entry(groups, now));
    }
    return groups;
  }

  /** A membership, group or user changed: every user's groups are read again. */
  void forgetAll() {
    changes.incrementAndGet();
    byUser.clear();
  }

  private record Entry(List<String> groups, long loadedAt) {}
}
