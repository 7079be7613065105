package org.carevoice.demo;

import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.carevoice.identity.StaffGroups;
import org.carevoice.identity.StartupOrder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** A user for every role, all with the configured demo password (README lists them). */
@Component
@Profile("demo")
@Order(StartupOrder.DEMO_USERS)
class DemoUsers implements ApplicationRunner {

  record DemoUser(String id, String firstName, String lastName, List<String> groups) {}

  static final List<DemoUser> USERS = List.of(
      new DemoUser("morag", "Morag", "Campbell", List.of(StaffGroups.MODERATORS)),
      new DemoUser("iain", "Iain", "Fraser", List.of(StaffGroups.MODERATORS)),
      new DemoUser("fiona", "Fiona", "Reid", List.of(StaffGroups.MODERATORS, StaffGroups.MODERATION_LEADS)),
      new DemoUser("craig", "Craig", "Wilson", List.of("responders-hairmyres-ed")),
      new DemoUser("aileen", "Aileen", "Murray", List.of("responders-care-at-home")),
      new DemoUser("graham", "Graham", "Stewart", List.of("managers-hairmyres")),
      new DemoUser("shona", "Shona", "McLeod", List.of(StaffGroups.SAFEGUARDING)),
      new DemoUser("patricia", "Patricia", "Hamilton", List.of(StaffGroups.PROCESS_OWNERS)),
      new DemoUser("dana", "Dana", "Kerr", List.of(StaffGroups.DATA_PROTECTION)));

  private static final Logger LOG = LoggerFactory.getLogger(DemoUsers.class);

  private final IdentityService identity;
  private final DemoProperties properties;

  DemoUsers(IdentityService identity, DemoProperties properties) {
    this.identity = identity;
    this.properties = properties;
  }

  @Override
  public void run(ApplicationArguments args) {
    int created = 0;
    for (DemoUser demo : USERS) {
      if (identity.createUserQuery().userId(demo.id()).count() == 0) {
        User user = identity.newUser(demo.id());
        user.setFirstName(demo.firstName());
        user.setLastName(demo.lastName());
        user.setEmail(demo.id() + "@demo.carevoice.local");
        user.setPassword(properties.password());
        identity.saveUser(user);
        created++;
      }
      for (String group : demo.groups()) {
        if (identity.createUserQuery().userId(demo.id()).memberOfGroup(group).count() == 0) {
          identity.createMembership(demo.id(), group);
        }
      }
    }
    if (created > 0) {
      LOG.info("Created {} demo users (see README: Demo users)", created);
    }
  }
}
