package org.carevoice.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.carevoice.PostgresApplication;
import org.carevoice.organisation.OrganisationService;
import java.time.Duration;
import java.time.Instant;
import org.carevoice.response.ResponseService;
import org.carevoice.story.Channel;
import org.carevoice.story.PublishedStorySearch;
import org.carevoice.story.Story;
import org.carevoice.story.StorySearch;
import org.carevoice.story.StorySort;
import org.carevoice.story.NewStory;
import org.carevoice.story.Relationship;
import org.carevoice.story.StoryService;
import org.carevoice.story.SubmittedStory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.init.ScriptUtils;

/**
 * The application on a real PostgreSQL, in a database of its own created for the test: the whole
 * slice (submit, moderate, publish) on an empty database, a restart that deploys nothing new, and
 * a start on a database where Camunda's tables already exist before Flyway ever ran.
 *
 * <p>Connection settings: see {@link PostgresApplication}.
 */
class PostgresStartupIT {

  private PostgresApplication postgres;

  @BeforeEach
  void createDatabase() {
    postgres = PostgresApplication.createDatabase();
  }

  @AfterEach
  void dropDatabase() {
    if (postgres != null) {
      postgres.close();
    }
  }

  @Test
  void wholeSliceOnAnEmptyDatabase_andRestartDeploysNothingNew() {
    String reference;
    long deployments;
    try (ConfigurableApplicationContext app = postgres.startApplication()) {
      deployments = app.getBean(RepositoryService.class).createDeploymentQuery().count();
      reference = submitAndApprove(app);
      JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
      assertThat(jdbc.queryForObject("select status from story where reference = ?", String.class, reference))
          .isEqualTo("PUBLISHED");
      assertThat(jdbc.queryForObject("select count(*) from outbox_message where recipient = ?", Long.class,
          "pg.author@example.org")).isEqualTo(2L);
      assertThat(app.getBean(StoryService.class).findPublished(reference)).isPresent();
    }
    try (ConfigurableApplicationContext app = postgres.startApplication()) {
      RepositoryService repository = app.getBean(RepositoryService.class);
      assertThat(repository.createDeploymentQuery().count()).as("a restart deploys nothing new").isEqualTo(deployments);
      assertThat(repository.createProcessDefinitionQuery().processDefinitionKey("story-lifecycle").count()).isEqualTo(1);
      assertThat(app.getBean(StoryService.class).findPublished(reference)).isPresent();
    }
  }

  @Test
  void startsOnADatabaseWhereCamundaTablesAlreadyExist() throws SQLException {
    try (Connection connection = postgres.connect()) {
      for (String part : List.of("engine", "history", "identity", "case.engine", "case.history", "decision.engine",
          "decision.history")) {
        ScriptUtils.executeSqlScript(connection,
            new ClassPathResource("org/camunda/bpm/engine/db/create/activiti.postgres.create." + part + ".sql"));
      }
    }
    try (ConfigurableApplicationContext app = postgres.startApplication()) {
      JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
      // Baselined at 0 on the non-empty schema, then every migration applied.
      assertThat(jdbc.queryForList("select version from carevoice_schema_history where success order by installed_rank",
          String.class)).startsWith("0", "1").doesNotHaveDuplicates().hasSizeGreaterThan(2);
      assertThat(submitAndApprove(app)).startsWith("CV-");
    }
  }

  @Test
  void search_isFullTextWithStemmingAndEveryFilterWorks() {
    try (ConfigurableApplicationContext app = postgres.startApplication()) {
      StoryService stories = app.getBean(StoryService.class);
      OrganisationService organisation = app.getBean(OrganisationService.class);
      PublishedStorySearch search = app.getBean(PublishedStorySearch.class);
      JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
      Long ed = organisation.findBySlug("hairmyres-emergency-department").orElseThrow().getId();
      Long maternity = organisation.findBySlug("wishaw-maternity").orElseThrow().getId();
      Instant march = Instant.parse("2026-03-10T12:00:00Z");
      var waited = stories.importPublished(new NewStory("Zanzibarian corridor", "We waited six hours in the corridor.",
          "PG", null, Relationship.PATIENT, LocalDate.of(2026, 3, 1), List.of(ed), Channel.PAPER), 2, march);
      var babies = stories.importPublished(new NewStory("Zanzibarian babies", "The midwives were wonderful with the babies.",
          "PG", null, Relationship.RELATIVE, LocalDate.of(2026, 5, 1), List.of(maternity), Channel.PAPER), 0,
          march.plus(Duration.ofDays(60)));
      jdbc.update("insert into story_tag (story_id, tag) values (?, 'good:kind-staff')", babies.getId());
      app.getBean(ResponseService.class).importPublished(waited.getId(), organisation.requireService(ed),
          "We are sorry.", "Ann", "Nurse", march.plus(Duration.ofDays(2)));

      // Stemming: "waiting" finds "waited", "baby" finds "babies"; every word must match.
      assertThat(titles(search, new StorySearch("waiting", null, null, null, null, null, null, null, null)))
          .contains("Zanzibarian corridor").doesNotContain("Zanzibarian babies");
      assertThat(titles(search, new StorySearch("zanzibarian baby", null, null, null, null, null, null, null, null)))
          .containsExactly("Zanzibarian babies");
      assertThat(titles(search, new StorySearch("zanzibarian -babies", null, null, null, null, null, null, null, null)))
          .containsExactly("Zanzibarian corridor");
      assertThat(titles(search, new StorySearch("\"six hours\" zanzibarian", null, null, null, null, null, null, null, null)))
          .containsExactly("Zanzibarian corridor");
      // Filters in SQL on PostgreSQL.
      assertThat(titles(search, new StorySearch("zanzibarian", null, null, "wishaw-maternity", null, null, null, null, null)))
          .containsExactly("Zanzibarian babies");
      assertThat(titles(search, new StorySearch("zanzibarian", null, "hairmyres", null, null, null, null, null, null)))
          .containsExactly("Zanzibarian corridor");
      assertThat(titles(search, new StorySearch("zanzibarian", "nhs-lanarkshire", null, null, "good:kind-staff", null, null, null, null)))
          .containsExactly("Zanzibarian babies");
      assertThat(titles(search, new StorySearch("zanzibarian", null, null, null, null, null, null, true, null)))
          .containsExactly("Zanzibarian corridor");
      assertThat(titles(search, new StorySearch("zanzibarian", null, null, null, null, LocalDate.of(2026, 4, 1),
          LocalDate.of(2026, 12, 31), false, StorySort.OLDEST))).containsExactly("Zanzibarian babies");
      assertThat(titles(search, new StorySearch("zanzibarian", null, null, null, null, null, null, null, StorySort.OLDEST)))
          .containsExactly("Zanzibarian corridor", "Zanzibarian babies");
      // A few matches in date order are found first and then sorted (not by walking the date index).
      StorySearch newest = new StorySearch("zanzibarian", null, null, null, null, null, null, null, StorySort.NEWEST);
      assertThat(titles(search, newest)).containsExactly("Zanzibarian babies", "Zanzibarian corridor");
      assertThat(search.search(newest, 1, 1).stories()).extracting(Story::getTitle).containsExactly("Zanzibarian corridor");
      assertThat(search.search(newest, 1, 1).total()).isEqualTo(2);
      // What people type never breaks the query.
      assertThat(titles(search, new StorySearch("'); drop table story; -- & | ! :*", null, null, null, null, null,
          null, null, null))).isEmpty();
      assertThat(jdbc.queryForObject("select count(*) from pg_indexes where indexname = 'story_search_idx'", Long.class))
          .isEqualTo(1L);
    }
  }

  private static List<String> titles(PublishedStorySearch search, StorySearch criteria) {
    return search.search(criteria, 0, 100).stories().stream().map(Story::getTitle).toList();
  }

  private static String submitAndApprove(ConfigurableApplicationContext app) {
    OrganisationService organisation = app.getBean(OrganisationService.class);
    Long service = organisation.allServices().get(0).getId();
    SubmittedStory submitted = app.getBean(StoryService.class).submit(new NewStory("Seen on PostgreSQL",
        "A story told to check that the whole slice works on PostgreSQL, from submission to publication.",
        "PG tester", "pg.author@example.org", Relationship.PATIENT, LocalDate.now().withDayOfMonth(1),
        List.of(service), Channel.WEB));
    RuntimeService runtime = app.getBean(RuntimeService.class);
    String instance = runtime.createProcessInstanceQuery().processInstanceBusinessKey(submitted.reference())
        .singleResult().getId();
    runJobs(app, instance);
    TaskService tasks = app.getBean(TaskService.class);
    String task = tasks.createTaskQuery().processInstanceId(instance).singleResult().getId();
    tasks.complete(task, Map.of("decision", "approve", "criticality", "1"));
    runJobs(app, instance);
    // Published: the story's case now waits for its service to respond.
    assertThat(runtime.createProcessInstanceQuery().superProcessInstanceId(instance).count()).isEqualTo(1);
    return submitted.reference();
  }

  /** Runs the case's save points until it waits for a person (the job executor is off in tests). */
  private static void runJobs(ConfigurableApplicationContext app, String instance) {
    ManagementService management = app.getBean(ManagementService.class);
    for (int round = 0; round < 20; round++) {
      List<Job> jobs = management.createJobQuery().processInstanceId(instance).messages().list();
      if (jobs.isEmpty()) {
        return;
      }
      jobs.forEach(job -> management.executeJob(job.getId()));
    }
  }
}
