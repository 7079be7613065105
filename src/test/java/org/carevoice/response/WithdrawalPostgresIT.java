package org.carevoice.response;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.carevoice.PostgresApplication;
import org.carevoice.organisation.CareService;
import org.carevoice.organisation.OrganisationService;
import org.carevoice.story.Channel;
import org.carevoice.story.NewStory;
import org.carevoice.story.Relationship;
import org.carevoice.story.Story;
import org.carevoice.story.StoryService;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Withdrawal's SQL on PostgreSQL, in a database of its own: a digest still waiting is rendered
 * again without the story, one sent before V9 (its items unlinked) has the story's line redacted,
 * and a response quoting the author is unpublished and emptied. {@link WithdrawalErasureTest} walks
 * the whole path on H2.
 */
class WithdrawalPostgresIT {

  @Test
  void withdrawal_rewritesAndRedactsDigests_andEmptiesResponses() {
    try (PostgresApplication postgres = PostgresApplication.start()) {
      ConfigurableApplicationContext app = postgres.context();
      StoryService stories = app.getBean(StoryService.class);
      SubscriptionService subscriptions = app.getBean(SubscriptionService.class);
      OrganisationService organisation = app.getBean(OrganisationService.class);
      JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
      CareService ed = organisation.findBySlug("hairmyres-emergency-department").orElseThrow();
      subscriptions.sendDigests();
      subscriptions.subscribe("fiona", Subscription.Scope.SERVICE, ed.getId(), 0, Subscription.Delivery.DIGEST);
      subscriptions.subscribe("graham", Subscription.Scope.SERVICE, ed.getId(), 0, Subscription.Delivery.DIGEST);
      Story withdrawn = published(stories, ed, "Pg-Canary-Title-5210 & 100% of it");
      Story kept = published(stories, ed, "Pg-Keep-Title-7781");
      for (Story story : List.of(withdrawn, kept)) {
        subscriptions.published(ed, 1, stories.publishedSummary(story.getId()));
      }
      app.getBean(ResponseService.class).importPublished(withdrawn.getId(), ed, "Dear Pg-Canary-Name-3307, thank you.",
          "Ann", "Nurse", Instant.now());
      assertThat(subscriptions.sendDigests()).isEqualTo(2);
      Long fionas = digestTo(jdbc, "fiona");
      Long grahams = digestTo(jdbc, "graham");
      // graham's digest stands as one sent before V9: its items do not know their email.
      jdbc.update("update digest_item set outbox_message_id = null where outbox_message_id = ?", grahams);

      stories.withdraw(withdrawn.getId());

      assertThat(text(jdbc, fionas)).contains("Pg-Keep-Title-7781").doesNotContain("Pg-Canary", withdrawn.getReference());
      assertThat(text(jdbc, grahams)).contains("Pg-Keep-Title-7781", "[withdrawn]").doesNotContain("Pg-Canary");
      assertThat(jdbc.queryForObject("select count(*) from digest_item where story_reference = ?", Long.class,
          withdrawn.getReference())).isZero();
      assertThat(jdbc.queryForObject("select count(*) from response where story_id = ? and status = 'WITHDRAWN'"
          + " and body = '' and published_at is not null", Long.class, withdrawn.getId())).isEqualTo(1L);
      assertThat(jdbc.queryForObject("select count(*) from response where body like '%Pg-Canary%'", Long.class)).isZero();
    }
  }

  private static Story published(StoryService stories, CareService service, String title) {
    return stories.importPublished(new NewStory(title, "A story told to check withdrawal on PostgreSQL.", "PG author",
        "pg.author@example.org", Relationship.PATIENT, LocalDate.now().withDayOfMonth(1), List.of(service.getId()),
        Channel.PAPER), 1, Instant.now());
  }

  private static Long digestTo(JdbcTemplate jdbc, String user) {
    return jdbc.queryForObject("select max(id) from outbox_message where template = 'daily-digest' and recipient = ?",
        Long.class, user + "@demo.carevoice.local");
  }

  private static String text(JdbcTemplate jdbc, Long message) {
    return jdbc.queryForObject("select subject || text_body || html_body from outbox_message where id = ?", String.class,
        message);
  }
}
