package org.carevoice.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.carevoice.CarevoiceTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Staff groups are read once per user and read again as soon as a membership changes. */
@CarevoiceTest
class GroupMembershipsTest {

  static final String USER = "groups-cache-test";

  @Autowired StaffDirectory staff;
  @Autowired IdentityService identity;

  @AfterEach
  void removeUser() {
    if (identity.createUserQuery().userId(USER).count() > 0) {
      identity.deleteUser(USER);
    }
  }

  @Test
  void membershipGrantedOrRevokedInTheEngine_isSeenAtOnce() {
    User user = identity.newUser(USER);
    user.setPassword("groups-cache-7731");
    identity.saveUser(user);
    identity.createMembership(USER, StaffGroups.MODERATORS);
    assertThat(staff.groupsOf(USER)).containsExactly(StaffGroups.MODERATORS);

    identity.createMembership(USER, StaffGroups.SAFEGUARDING);
    assertThat(staff.groupsOf(USER)).containsExactlyInAnyOrder(StaffGroups.MODERATORS, StaffGroups.SAFEGUARDING);

    identity.deleteMembership(USER, StaffGroups.MODERATORS);
    assertThat(staff.groupsOf(USER)).containsExactly(StaffGroups.SAFEGUARDING);

    identity.deleteUser(USER);
    assertThat(staff.groupsOf(USER)).isEmpty();
  }

  @Test
  void groupsAreReadOncePerUserWhileFresh() {
    GroupMemberships memberships = new GroupMemberships(Duration.ofMinutes(1));
    AtomicInteger loads = new AtomicInteger();
    for (int i = 0; i < 3; i++) {
      assertThat(memberships.groupsOf("ann", user -> {
        loads.incrementAndGet();
        return List.of("moderators");
      })).containsExactly("moderators");
    }
    assertThat(loads).hasValue(1);

    memberships.forgetAll();
    memberships.groupsOf("ann", user -> {
      loads.incrementAndGet();
      return List.of("moderators", "safeguarding");
    });
    assertThat(memberships.groupsOf("ann", user -> List.of())).containsExactly("moderators", "safeguarding");
    assertThat(loads).hasValue(2);
  }

  @Test
  void aLoadOverlappingAChange_isNotKept() {
    GroupMemberships memberships = new GroupMemberships(Duration.ofMinutes(1));
    memberships.groupsOf("ann", user -> {
      memberships.forgetAll(); // the membership changed while the old answer was being read
      return List.of("moderators");
    });
    assertThat(memberships.groupsOf("ann", user -> List.of("safeguarding"))).containsExactly("safeguarding");
  }

  @Test
  void aZeroLifetime_turnsTheCacheOff() {
    GroupMemberships memberships = new GroupMemberships(Duration.ZERO);
    AtomicInteger loads = new AtomicInteger();
    memberships.groupsOf("ann", user -> List.of(String.valueOf(loads.incrementAndGet())));
    assertThat(memberships.groupsOf("ann", user -> List.of(String.valueOf(loads.incrementAndGet()))))
        .containsExactly("2");
  }
}
