package org.carevoice.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.camunda.bpm.engine.IdentityService;
import org.carevoice.CarevoiceApplication;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** CVE-2026-77226: Carevoice does not start while the camunda-admin group has no direct member. */
class AdministratorRequiredIT {

  @Test
  void withoutAnAdministrator_startUpFailsWithAClearMessage() {
    assertThatThrownBy(() -> start("--carevoice.identity.admin-password=").close())
        .hasStackTraceContaining("The 'camunda-admin' group has no member")
        .hasStackTraceContaining("CAREVOICE_ADMIN_PASSWORD");
  }

  @Test
  void withAConfiguredAdministrator_startsAndTheAdministratorIsAMember() {
    try (ConfigurableApplicationContext app = start("--carevoice.identity.admin-user=ops-admin",
        "--carevoice.identity.admin-password=a-long-secret")) {
      IdentityService identity = app.getBean(IdentityService.class);
      assertThat(identity.createUserQuery().memberOfGroup(StaffGroups.ADMINS).userId("ops-admin").count()).isEqualTo(1);
      assertThat(identity.checkPassword("ops-admin", "a-long-secret")).isTrue();
    }
  }

  private static ConfigurableApplicationContext start(String... args) {
    String[] all = new String[args.length + 1];
    System.arraycopy(args, 0, all, 0, args.length);
    all[args.length] = "--server.port=0";
    // Without the demo profile: no demo users, as in production.
    return new SpringApplicationBuilder(CarevoiceApplication.class).profiles("test").run(all);
  }
}
