package org.carevoice.story;

import java.time.LocalDate;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.carevoice.organisation.OrganisationService;
import org.springframework.boot.test.context.TestComponent;
import org.springframework.jdbc.core.JdbcTemplate;

/** Submits realistic stories for tests, through the same service the public site uses. */
@TestComponent
public class TestStories {

  public static final String EMAIL = "test.author.7731@example.org";
  public static final String PSEUDONYM = "Tester from Larkhall";
  public static final String BODY = "I was seen in the emergency department late at night. The nurse who triaged me "
      + "explained everything and the wait was shorter than I expected. Thank you to the whole team.";

  private final StoryService stories;
  private final OrganisationService organisation;
  private final JdbcTemplate jdbc;

  TestStories(StoryService stories, OrganisationService organisation, JdbcTemplate jdbc) {
    this.stories = stories;
    this.organisation = organisation;
    this.jdbc = jdbc;
  }

  public SubmittedStory submit(String title) {
    return submit(title, BODY, PSEUDONYM, EMAIL);
  }

  public SubmittedStory submit(String title, String body, String pseudonym, String email) {
    Long service = organisation.allServices().stream()
        .filter(s -> s.getSlug().equals("hairmyres-emergency-department")).findFirst().orElseThrow().getId();
    return stories.submit(new NewStory(title, body, pseudonym, email, Relationship.PATIENT,
        LocalDate.now().withDayOfMonth(1), List.of(service), Channel.WEB));
  }

  public List<String> tagsOf(String reference) {
    return jdbc.queryForList("select t.tag from story_tag t join story s on s.id = t.story_id where s.reference = ?",
        String.class, reference);
  }

  public long countTemplate(String template) {
    return jdbc.queryForObject("select count(*) from outbox_message where template = ?", Long.class, template);
  }

  public Long serviceId(String slug) {
    return organisation.allServices().stream().filter(s -> s.getSlug().equals(slug)).findFirst().orElseThrow().getId();
  }

  public List<String> outboxTemplatesFor(String recipient) {
    return jdbc.queryForList("select template from outbox_message where recipient = ? order by id", String.class,
        recipient);
  }

  /** A Camunda user in no group (a technical account, say), password "demo"; made once. */
  public static void ensureUserInNoGroup(IdentityService identity, String userId) {
    if (identity.createUserQuery().userId(userId).count() == 0) {
      User user = identity.newUser(userId);
      user.setFirstName("Technical");
      user.setLastName("Account");
      user.setPassword("demo");
      identity.saveUser(user);
    }
  }
}
