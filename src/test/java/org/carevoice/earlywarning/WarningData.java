package org.carevoice.earlywarning;

import java.sql.DatabaseMetaData;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.carevoice.organisation.CareService;
import org.carevoice.organisation.Organisation;
import org.carevoice.organisation.OrganisationService;
import org.carevoice.organisation.ServiceType;
import org.carevoice.organisation.Site;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Stories, cases, services and managers written straight into the tables, at chosen times, for the
 * early warning's tests on H2 and on PostgreSQL. Each service is new and the test's own, so other
 * tests' stories never count in its figures. Titles and texts carry markers that no email may show.
 */
class WarningData {

  static final String TITLE_MARKER = "Ew-Title-Marker-4471";
  static final String BODY_MARKER = "Ew-Body-Marker-9036";
  static final String PSEUDONYM_MARKER = "Ew-Pseudonym-2290";
  static final String EMAIL_MARKER = "ew.author.5521@example.org";

  private static final AtomicInteger SERVICES = new AtomicInteger();

  private final JdbcTemplate jdbc;
  private final OrganisationService organisation;
  private final IdentityService identity;
  private final String nextValue;

  WarningData(ApplicationContext context) {
    this.jdbc = context.getBean(JdbcTemplate.class);
    this.organisation = context.getBean(OrganisationService.class);
    this.identity = context.getBean(IdentityService.class);
    String database = jdbc.execute((ConnectionCallback<String>) connection -> {
      DatabaseMetaData meta = connection.getMetaData();
      return meta.getDatabaseProductName();
    });
    this.nextValue = "PostgreSQL".equals(database) ? "select nextval('%s')" : "select next value for %s";
  }

  /** A new service of the test's own, whose managers are the given group. */
  CareService service(String managerGroup) {
    Organisation org = organisation.addOrganisation("ew-test-board", "Early Warning Test Board");
    Site site = organisation.addSite(org, "ew-test-hospital", "Early Warning Test Hospital");
    String slug = "ew-ward-" + SERVICES.incrementAndGet() + "-" + UUID.randomUUID().toString().substring(0, 6);
    return organisation.addService(site, slug, "Ward " + SERVICES.get(), ServiceType.WARD,
        "responders-" + slug, managerGroup);
  }

  /** A manager group with one member, with this email address (or none). */
  void manager(String group, String userId, String email) {
    if (identity.createGroupQuery().groupId(group).count() == 0) {
      Group created = identity.newGroup(group);
      created.setName("Managers " + group);
      created.setType("WORKFLOW");
      identity.saveGroup(created);
    }
    if (identity.createUserQuery().userId(userId).count() == 0) {
      User user = identity.newUser(userId);
      user.setFirstName("Test");
      user.setLastName("Manager");
      user.setEmail(email);
      user.setPassword("demo-" + UUID.randomUUID());
      identity.saveUser(user);
      identity.createMembership(userId, group);
    }
  }

  /** A published story about the service, published this long ago, with a criticality and tags. */
  Story published(CareService service, Duration ago, int criticality, String... tags) {
    return story(service, Instant.now().minus(ago), "PUBLISHED", criticality, tags);
  }

  Story story(CareService service, Instant publishedAt, String status, int criticality, String... tags) {
    long id = next("story_seq");
    String reference = String.format("CV-2026-%06d", next("story_reference_seq"));
    OffsetDateTime published = time(publishedAt);
    jdbc.update("""
        insert into story (id, version, reference, title, body, author_pseudonym, author_email, relationship,
          happened_in, status, criticality, channel, tracking_token_hash, submitted_at, decided_at, published_at,
          updated_at)
        values (?, 0, ?, ?, ?, ?, ?, 'PATIENT', ?, ?, ?, 'WEB', ?, ?, ?, ?, ?)""",
        id, reference, TITLE_MARKER + " " + id, BODY_MARKER + " the ward was busy.", PSEUDONYM_MARKER, EMAIL_MARKER,
        LocalDate.now().minusMonths(1), status, criticality,
        UUID.randomUUID().toString().replace("-", "") + UUID.randomUUID().toString().replace("-", ""),
        time(publishedAt.minus(Duration.ofDays(1))), published, published, published);
    jdbc.update("insert into story_service (story_id, service_id) values (?, ?)", id, service.getId());
    for (String tag : tags) {
      jdbc.update("insert into story_tag (story_id, tag) values (?, ?)", id, tag);
    }
    return new Story(id, reference);
  }

  /**
   * The service's case of a story: reached its overdue date this long ago, and answered this long
   * ago (null: never).
   */
  void serviceCase(CareService service, Story story, Duration overdueAgo, Duration answeredAgo) {
    Instant now = Instant.now();
    serviceCase(service, story, now.minus(overdueAgo), answeredAgo == null ? null : now.minus(answeredAgo));
  }

  /** The service's case of a story, overdue (null: no due dates known) and answered (null: never) then. */
  void serviceCase(CareService service, Story story, Instant overdue, Instant answered) {
    Instant opened = overdue == null ? Instant.now().minus(Duration.ofDays(200)) : overdue.minus(Duration.ofDays(12));
    jdbc.update("""
        insert into service_case (story_id, service_id, opened_at, response_due_at, escalation_due_at, overdue_at,
          first_response_at)
        values (?, ?, ?, ?, ?, ?, ?)""", story.id(), service.getId(), time(opened),
        overdue == null ? null : time(overdue.minus(Duration.ofDays(8))),
        overdue == null ? null : time(overdue.minus(Duration.ofDays(4))), overdue == null ? null : time(overdue),
        answered == null ? null : time(answered));
  }

  /** Moves the service's stories further into the past, as if time had passed. */
  void age(CareService service, Duration by) {
    jdbc.query("select s.id, s.published_at from story s join story_service ss on ss.story_id = s.id"
        + " where ss.service_id = ?", (java.sql.ResultSet rs) -> {
          OffsetDateTime published = rs.getObject(2, OffsetDateTime.class);
          jdbc.update("update story set published_at = ? where id = ?", published.minus(by), rs.getLong(1));
        }, service.getId());
  }

  private long next(String sequence) {
    return jdbc.queryForObject(nextValue.formatted(sequence), Long.class);
  }

  private static OffsetDateTime time(Instant instant) {
    return instant.atOffset(ZoneOffset.UTC);
  }

  record Story(long id, String reference) {}

  static Duration days(double days) {
    return Duration.ofSeconds(Math.round(days * 86_400));
  }
}
