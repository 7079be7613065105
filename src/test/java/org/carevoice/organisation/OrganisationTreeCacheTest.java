package org.carevoice.organisation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.carevoice.CarevoiceTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The organisation tree is served from memory: a change through this node is seen by the
 * transaction that makes it at once and by everyone once it is committed, never before; a change
 * made by another node (here: SQL) within the time to live; a service id this node has not seen
 * yet makes it read the tree again. Every change is rolled back, so other tests keep the demo tree.
 */
@CarevoiceTest
class OrganisationTreeCacheTest {

  @Autowired OrganisationService organisation;
  @Autowired OrganisationRepository organisations;
  @Autowired SiteRepository sites;
  @Autowired CareServiceRepository services;
  @Autowired JdbcTemplate jdbc;
  @Autowired PlatformTransactionManager transactions;

  @Test
  void changeThroughThisNode_isSeenByItsTransactionAtOnce_andByOthersOnlyWhenCommitted() {
    int before = organisation.allServices().size();
    TransactionTemplate rolledBack = new TransactionTemplate(transactions);
    rolledBack.executeWithoutResult(status -> {
      Organisation org = organisation.addOrganisation("cache-test-board", "Cache Test Board");
      Site site = organisation.addSite(org, "cache-test-hospital", "Cache Test Hospital");
      organisation.addService(site, "cache-test-ward", "Ward 1", ServiceType.WARD, "responders-cache", "managers-cache");

      assertThat(organisation.findBySlug("cache-test-ward")).get()
          .satisfies(ward -> assertThat(ward.getFullName()).isEqualTo("Ward 1, Cache Test Hospital"));
      assertThat(organisation.siteExists("cache-test-hospital")).isTrue();
      assertThat(organisation.serviceIds(OrganisationService.Place.ORGANISATION, "cache-test-board")).hasSize(1);
      // Another request meanwhile is served the tree as committed.
      assertThat(CompletableFuture.supplyAsync(() -> organisation.findBySlug("cache-test-ward")).join()).isEmpty();
      status.setRollbackOnly();
    });

    assertThat(organisation.findBySlug("cache-test-ward")).isEmpty();
    assertThat(organisation.organisationExists("cache-test-board")).isFalse();
    assertThat(organisation.allServices()).hasSize(before);
  }

  @Test
  void changeByAnotherNode_isSeenWhenTheTreeIsReadAgain() {
    OrganisationService longLived = new OrganisationService(organisations, sites, services, jdbc, Duration.ofDays(1));
    OrganisationService expired = new OrganisationService(organisations, sites, services, jdbc, Duration.ZERO);
    int before = longLived.allServices().size();
    expired.allServices();
    TransactionTemplate rolledBack = new TransactionTemplate(transactions);
    rolledBack.executeWithoutResult(status -> {
      Long siteId = jdbc.queryForObject("select id from site where slug = 'wishaw'", Long.class);
      Long id = jdbc.queryForObject("select max(id) + 1000 from care_service", Long.class);
      jdbc.update("insert into care_service (id, site_id, slug, name, service_type, responder_group, manager_group)"
          + " values (?, ?, 'cache-test-clinic', 'Clinic 9', 'OUTPATIENTS', 'responders-x', 'managers-x')", id, siteId);

      assertThat(longLived.findBySlug("cache-test-clinic")).isEmpty();
      assertThat(longLived.allServices()).hasSize(before);
      assertThat(expired.findBySlug("cache-test-clinic")).get()
          .satisfies(clinic -> assertThat(clinic.getFullName()).isEqualTo("Clinic 9, University Hospital Wishaw"));
      // A story about a service this node does not know yet: the tree is read again, not the story refused.
      assertThat(longLived.findServices(List.of(id))).extracting(CareService::getSlug).containsExactly("cache-test-clinic");
      assertThat(longLived.findBySlug("cache-test-clinic")).isPresent();
      status.setRollbackOnly();
    });
  }

  @Test
  void theTree_keepsTheOrdersOfTheDatabase() {
    List<CareService> all = organisation.allServices();
    assertThat(all).extracting(CareService::getId).containsExactlyElementsOf(
        jdbc.queryForList("select cs.id from care_service cs join site si on si.id = cs.site_id"
            + " join organisation o on o.id = si.organisation_id order by o.name, si.name, cs.name", Long.class));
    assertThat(organisation.allSites()).extracting(Site::getId)
        .containsExactlyElementsOf(jdbc.queryForList("select id from site order by name", Long.class));
    assertThat(organisation.tree().values().stream().mapToInt(bySite -> bySite.values().stream()
        .mapToInt(List::size).sum()).sum()).isEqualTo(all.size());
    assertThat(organisation.requireService(all.get(0).getId()).getSite().getOrganisation().getName()).isNotBlank();
  }
}
