package org.carevoice.organisation;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.ReentrantLock;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The organisation tree: organisations, their sites and their services.
 *
 * <p>Every page and every story reads the tree, and it changes a few times a year, so it is read
 * from the database once into an {@link OrganisationTree} and served from memory. A change made
 * through this service is seen by this node as soon as it is committed (the tree is dropped when
 * the writing transaction ends, committed or not); a change made by another node on the same
 * database, or by SQL, is seen here within {@code carevoice.organisation.cache-ttl} (30 seconds
 * unless set), when the tree is read again. While one request reads the new tree, the others
 * are served the old one for that moment rather than wait (docs/performance.md).
 */
@Service
public class OrganisationService {

  /** What a slug names, for {@link #serviceIds}. */
  public enum Place {
    SERVICE, SITE, ORGANISATION
  }

  private final OrganisationRepository organisations;
  private final SiteRepository sites;
  private final CareServiceRepository services;
  private final JdbcTemplate jdbc;
  private final long timeToLiveNanos;

  private record Cached(OrganisationTree tree, long readAt) {}

  private final AtomicReference<Cached> cached = new AtomicReference<>();
  private final ReentrantLock reading = new ReentrantLock();
  /** Transactions that have changed the tree and have not ended yet: no tree read meanwhile is kept. */
  private final AtomicInteger openChanges = new AtomicInteger();
  /** Counts the ends of those transactions, so a tree read across one is not kept either. */
  private final AtomicInteger changesEnded = new AtomicInteger();

  OrganisationService(OrganisationRepository organisations, SiteRepository sites, CareServiceRepository services,
      JdbcTemplate jdbc, @Value("${carevoice.organisation.cache-ttl:PT30S}") Duration timeToLive) {
    this.organisations = organisations;
    this.sites = sites;
    this.services = services;
    this.jdbc = jdbc;
    this.timeToLiveNanos = timeToLive.toNanos();
  }

  /** Services grouped by "site, organisation", ordered, for a picker. */
  public Map<String, List<CareService>> servicesBySite() {
    return current().servicesBySite;
  }

  /** Every organisation, by name. */
  public List<Organisation> allOrganisations() {
    return current().organisations;
  }

  /** Every site with its organisation, by name. */
  public List<Site> allSites() {
    return current().sites;
  }

  /** Every service with its site and organisation, by organisation, site and service name. */
  public List<CareService> allServices() {
    return current().services;
  }

  /** A service that must exist (an id from a process variable), with its site and organisation. */
  public CareService requireService(Long id) {
    return findService(id).orElseThrow(() -> new IllegalStateException("No service with id " + id));
  }

  /** The services with these ids, with their sites and organisations (unknown ids left out). */
  public List<CareService> findServices(Collection<Long> ids) {
    OrganisationTree tree = current();
    List<CareService> found = tree.services(ids);
    // A service added on another node in the last seconds: read the tree again rather than miss it.
    return found.size() == ids.stream().distinct().count() ? found : fresh().services(ids);
  }

  /** A service by its slug, with its site and organisation. */
  public Optional<CareService> findBySlug(String slug) {
    return current().service(slug);
  }

  public boolean siteExists(String slug) {
    return current().site(slug).isPresent();
  }

  public boolean organisationExists(String slug) {
    return current().organisation(slug).isPresent();
  }

  /** The ids of the services that a service, site or organisation slug names; empty when it names none. */
  public List<Long> serviceIds(Place place, String slug) {
    return current().serviceIds(place, slug);
  }

  /** The whole tree, ordered by name: organisations, their sites, their services (not to be changed). */
  public Map<Organisation, Map<Site, List<CareService>>> tree() {
    return current().tree;
  }

  public Optional<CareService> findService(Long id) {
    Optional<CareService> found = current().service(id);
    return found.isPresent() ? found : fresh().service(id);
  }

  public long countServices() {
    return current().services.size();
  }

  @Transactional
  public Organisation addOrganisation(String slug, String name) {
    changing();
    return organisations.findBySlug(slug).orElseGet(() -> organisations.saveAndFlush(new Organisation(slug, name)));
  }

  @Transactional
  public Site addSite(Organisation organisation, String slug, String name) {
    changing();
    return sites.findBySlug(slug).orElseGet(() -> sites.saveAndFlush(new Site(organisation, slug, name)));
  }

  @Transactional
  public CareService addService(Site site, String slug, String name, ServiceType type, String responderGroup, String managerGroup) {
    changing();
    return services.findBySlug(slug)
        .orElseGet(() -> services.saveAndFlush(new CareService(site, slug, name, type, responderGroup, managerGroup)));
  }

  // --- the cached tree ---------------------------------------------------------------------

  private OrganisationTree current() {
    if (TransactionSynchronizationManager.hasResource(ChangeMarker.class)) {
      return read(); // this transaction changes the tree: it reads its own changes, and keeps nothing
    }
    Cached tree = cached.get();
    if (tree != null && System.nanoTime() - tree.readAt() < timeToLiveNanos) {
      return tree.tree();
    }
    if (tree != null && !reading.tryLock()) {
      return tree.tree();
    }
    if (tree == null) {
      reading.lock();
    }
    try {
      Cached now = cached.get();
      if (now != null && now != tree && System.nanoTime() - now.readAt() < timeToLiveNanos) {
        return now.tree();
      }
      return read();
    } finally {
      reading.unlock();
    }
  }

  /** The tree read again now (for a service this node does not know yet). */
  private OrganisationTree fresh() {
    reading.lock();
    try {
      return read();
    } finally {
      reading.unlock();
    }
  }

  private OrganisationTree read() {
    int ended = changesEnded.get();
    long readAt = System.nanoTime();
    OrganisationTree tree = OrganisationTree.read(jdbc);
    if (openChanges.get() == 0 && changesEnded.get() == ended) {
      cached.set(new Cached(tree, readAt));
    }
    return tree;
  }

  /**
   * The tree is about to change in this transaction (written at once, so that reads in the same
   * transaction see it): nothing read until it ends is kept, and the tree is dropped when it ends,
   * so the next request reads it again, as committed.
   */
  private void changing() {
    Object key = ChangeMarker.class;
    if (TransactionSynchronizationManager.hasResource(key)) {
      return;
    }
    TransactionSynchronizationManager.bindResource(key, Boolean.TRUE);
    // Until it ends, other requests keep the tree as committed; this transaction reads its own.
    openChanges.incrementAndGet();
    TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
      @Override
      public void afterCompletion(int status) {
        TransactionSynchronizationManager.unbindResourceIfPossible(key);
        cached.set(null);
        changesEnded.incrementAndGet();
        openChanges.decrementAndGet();
      }
    });
  }

  /** The key under which a transaction notes that it changes the tree. */
  private static final class ChangeMarker {}
}
