package org.carevoice.monitoring;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.carevoice.identity.StaffGroups;
import org.carevoice.identity.StartupOrder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Prometheus's user: with {@code CAREVOICE_SCRAPE_PASSWORD} set, the user {@code CAREVOICE_SCRAPE_USER}
 * ("prometheus") is created when missing, as a member of {@value StaffGroups#MONITORING} only, so
 * that {@code docker compose --profile monitoring up} scrapes without a step in Camunda Admin. An
 * existing user keeps its password (change it in Camunda Admin). Unset: nothing is created.
 */
@Component
@Order(StartupOrder.ACCESS + 1)
class ScrapeUserSetup implements ApplicationRunner {

  private static final Logger LOG = LoggerFactory.getLogger(ScrapeUserSetup.class);

  private final IdentityService identity;
  private final String user;
  private final String password;

  ScrapeUserSetup(IdentityService identity, @Value("${carevoice.monitoring.scrape-user:prometheus}") String user,
      @Value("${carevoice.monitoring.scrape-password:}") String password) {
    this.identity = identity;
    this.user = user;
    this.password = password;
  }

  @Override
  public void run(ApplicationArguments args) {
    if (user.isBlank() || password.isBlank()) {
      return;
    }
    if (identity.createUserQuery().userId(user).count() == 0) {
      User scraper = identity.newUser(user);
      scraper.setFirstName("Prometheus");
      scraper.setLastName("Scraper");
      scraper.setPassword(password);
      identity.saveUser(scraper);
      LOG.info("Created the metrics user '{}' (group {})", user, StaffGroups.MONITORING);
    }
    if (identity.createUserQuery().userId(user).memberOfGroup(StaffGroups.MONITORING).count() == 0) {
      identity.createMembership(user, StaffGroups.MONITORING);
    }
  }
}
