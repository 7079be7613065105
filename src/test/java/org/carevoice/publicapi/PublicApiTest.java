package org.carevoice.publicapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.carevoice.CarevoiceTest;
import org.carevoice.organisation.CareService;
import org.carevoice.organisation.OrganisationService;
import org.carevoice.response.AuthorReplyService;
import org.carevoice.response.ResponseService;
import org.carevoice.story.CaseDriver;
import org.carevoice.story.Channel;
import org.carevoice.story.NewStory;
import org.carevoice.story.Relationship;
import org.carevoice.story.Story;
import org.carevoice.story.StoryLifecycle;
import org.carevoice.story.StoryService;
import org.carevoice.story.SubmittedStory;
import org.carevoice.story.TestStories;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * The public read API: paging, ordering, filters, the shape of the JSON, nothing unpublished, the
 * services and tags, and the OpenAPI description. Its own 24 published stories share a made-up
 * word, so the other tests' stories in the shared context do not disturb the counts.
 */
@CarevoiceTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PublicApiTest {

  static final int PUBLISHED = 24;
  static final Instant FIRST_DAY = Instant.parse("2025-06-01T11:00:00Z");
  static final String AUTHOR_EMAIL = "api-reader-test.5521@example.org";

  @Autowired MockMvc mvc;
  @Autowired StoryService stories;
  @Autowired ResponseService responses;
  @Autowired AuthorReplyService replies;
  @Autowired OrganisationService organisation;
  @Autowired TestStories testStories;
  @Autowired CaseDriver driver;
  @Autowired JdbcTemplate jdbc;

  /** A word no other story has, in every story of this class. */
  final String marker = "zq" + new Random().ints(8, 'a', 'z' + 1)
      .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append);
  final List<String> published = new ArrayList<>();
  String answered;
  String submitted;
  String rejected;
  String withdrawn;

  @BeforeAll
  void publishTheStories() {
    for (int i = 0; i < PUBLISHED; i++) {
      String slug = i == 23 ? "district-nursing-hamilton" : i % 3 == 0 ? "wishaw-maternity" : "hairmyres-emergency-department";
      String body = "Story " + i + " about the " + marker + " team. " + (i == 7 ? "They kept the lighthouse lamp on. " : "")
          + "The staff were patient and explained every step of the treatment to my mother and me.";
      Instant when = i < 5 ? FIRST_DAY : FIRST_DAY.plus(Duration.ofDays(i));
      Story story = stories.importPublished(new NewStory("Title " + i + " " + marker, body, "API tester", AUTHOR_EMAIL,
          Relationship.CARER, LocalDate.of(2025, 5, 1), List.of(testStories.serviceId(slug)), Channel.WEB, false,
          List.of(i % 4 == 0 ? "improve:parking" : "good:kind-staff")), 4, when);
      published.add(story.getReference());
      if (i % 5 == 0) {
        CareService service = organisation.findBySlug(slug).orElseThrow();
        responses.importPublished(story.getId(), service, "Thank you for telling us, we have shared it with the team.",
            "Craig Wilson", "Charge Nurse", when.plus(Duration.ofDays(3)));
      }
    }
    answered = published.get(10);
    Long answer = jdbc.queryForObject("select r.id from response r join story s on s.id = r.story_id where s.reference = ?",
        Long.class, answered);
    jdbc.update("update response set change_type = 'planned', change_description = 'Hourly updates' where id = ?", answer);
    Story story = stories.findPublished(answered).orElseThrow();
    replies.reply(story, answer, "Thank you for answering so quickly.");
    replies.reply(story, answer, "A second reply that is still waiting for a moderator.");
    replies.publish(jdbc.queryForObject("select min(id) from author_reply where response_id = ?", Long.class, answer));

    submitted = testStories.submit("Submitted " + marker, "Not yet moderated " + marker + ". " + TestStories.BODY,
        "API tester", AUTHOR_EMAIL).reference();
    SubmittedStory toReject = testStories.submit("Rejected " + marker, "Rejected by a moderator " + marker + ". "
        + TestStories.BODY, "API tester", AUTHOR_EMAIL);
    rejected = toReject.reference();
    ProcessInstance instance = driver.instance(rejected);
    driver.runSavePoints(instance);
    Map<String, Object> reject = new HashMap<>();
    reject.put("decision", "reject");
    reject.put("criticality", "0");
    reject.put("rejectionReason", "COMMERCIAL_OR_IRRELEVANT");
    driver.submit(instance, StoryLifecycle.Elements.USER_TASK_MODERATE_STORY, "morag", reject);
    Story gone = stories.importPublished(new NewStory("Withdrawn " + marker, "Withdrawn later " + marker + ". "
        + TestStories.BODY, "API tester", AUTHOR_EMAIL, Relationship.PATIENT, LocalDate.of(2025, 5, 1),
        List.of(testStories.serviceId("hairmyres-emergency-department")), Channel.WEB), 1,
        Instant.parse("2025-05-15T11:00:00Z"));
    withdrawn = gone.getReference();
    stories.withdraw(gone.getId());
  }

  // --- paging and order ---------------------------------------------------------------------

  @Test
  void openData_canBeReadFromOtherWebsites_butNothingElse() throws Exception {
    mvc.perform(get("/api/v1/stories").header("Origin", "https://data.example.org"))
        .andExpect(status().isOk())
        .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.header()
            .string("Access-Control-Allow-Origin", "*"));
    mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.options("/api/v1/stories")
            .header("Origin", "https://data.example.org").header("Access-Control-Request-Method", "POST"))
        .andExpect(status().isForbidden());
    mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.options("/api/v1/anonymisation/scan")
            .header("Origin", "https://data.example.org").header("Access-Control-Request-Method", "POST"))
        .andExpect(status().isForbidden());
  }

  @Test
  void takeAndSkip_outOfBoundsOrNotNumbers_are400WithADetail() throws Exception {
    for (String take : new String[] {"0", "101", "abc", "-1", "1.5", "99999999999"}) {
      stories("take=" + take).andExpect(status().isBadRequest())
          .andExpect(jsonPath("$.detail").value("take must be a whole number from 1 to 100."));
    }
    for (String skip : new String[] {"-1", "x", "10001"}) {
      stories("skip=" + skip).andExpect(status().isBadRequest())
          .andExpect(jsonPath("$.detail").value("skip must be a whole number from 0 to 10000."));
    }
    stories("take=100&q=" + marker).andExpect(status().isOk())
        .andExpect(jsonPath("$.take").value(100)).andExpect(jsonPath("$.skip").value(0))
        .andExpect(jsonPath("$.total").value(PUBLISHED)).andExpect(jsonPath("$.items.length()").value(PUBLISHED));
    stories("q=" + marker).andExpect(status().isOk()).andExpect(jsonPath("$.take").value(20))
        .andExpect(jsonPath("$.items.length()").value(20));
    stories("skip=10000&q=" + marker).andExpect(status().isOk()).andExpect(jsonPath("$.items.length()").value(0))
        .andExpect(jsonPath("$.total").value(PUBLISHED));
  }

  @Test
  void pagingThroughEveryOrder_neitherRepeatsNorMisses() throws Exception {
    for (String sort : new String[] {"newest", "oldest", "relevance"}) {
      List<String> all = references("q=" + marker + "&sort=" + sort + "&take=100");
      List<String> paged = new ArrayList<>();
      for (int skip = 0; skip < PUBLISHED; skip += 7) {
        paged.addAll(references("q=" + marker + "&sort=" + sort + "&take=7&skip=" + skip));
      }
      assertThat(paged).as(sort).hasSize(PUBLISHED).doesNotHaveDuplicates().containsExactlyElementsOf(all)
          .containsExactlyInAnyOrderElementsOf(published);
    }
  }

  @Test
  void newestFirstByDefault_oldestOnRequest() throws Exception {
    List<String> newest = references("q=" + marker + "&take=100");
    assertThat(newest.get(0)).isEqualTo(published.get(PUBLISHED - 1));
    List<String> oldest = references("q=" + marker + "&sort=OLDEST&take=100");
    assertThat(oldest.subList(0, 5)).containsExactlyInAnyOrderElementsOf(published.subList(0, 5));
    assertThat(oldest.get(PUBLISHED - 1)).isEqualTo(published.get(PUBLISHED - 1));
  }

  // --- filters ------------------------------------------------------------------------------

  @Test
  void filters_narrowTheStories() throws Exception {
    assertThat(total("q=" + marker + "&service=wishaw-maternity")).isEqualTo(8);
    assertThat(total("q=" + marker + "&site=wishaw")).isEqualTo(8);
    assertThat(total("q=" + marker + "&site=hairmyres")).isEqualTo(15);
    assertThat(total("q=" + marker + "&organisation=nhs-lanarkshire")).isEqualTo(23);
    assertThat(total("q=" + marker + "&organisation=south-lanarkshire-hscp")).isEqualTo(1);
    assertThat(total("q=" + marker + "&tag=improve:parking")).isEqualTo(6);
    assertThat(total("q=" + marker + "&responded=true")).isEqualTo(5);
    assertThat(total("q=" + marker + "&responded=false")).isEqualTo(19);
    assertThat(total("q=" + marker + "&from=2025-06-01&to=2025-06-01")).isEqualTo(5);
    assertThat(total("q=" + marker + "&from=2025-06-06&to=2025-06-10")).isEqualTo(5);
    assertThat(total("q=" + marker + "&from=2025-06-20")).isEqualTo(5);
    assertThat(references("q=" + marker + "%20lighthouse")).containsExactly(published.get(7));
    assertThat(total("q=" + marker + "&service=wishaw-maternity&tag=improve:parking&responded=true")).isEqualTo(1);
  }

  @Test
  void unknownOrInvalidFilters_are400WithADetail() throws Exception {
    expectBadRequest("service=no-such-service", "There is no service with the slug \"no-such-service\"");
    expectBadRequest("site=atlantis", "There is no site with the slug \"atlantis\"");
    expectBadRequest("organisation=acme", "There is no organisation with the slug \"acme\"");
    expectBadRequest("tag=good:free-parking", "There is no tag \"good:free-parking\"");
    expectBadRequest("sort=best", "sort must be newest, oldest or relevance");
    expectBadRequest("responded=maybe", "responded must be true or false");
    expectBadRequest("from=2025-13-01", "from must be a date written as yyyy-MM-dd");
    expectBadRequest("to=yesterday", "to must be a date written as yyyy-MM-dd");
    expectBadRequest("from=2025-06-10&to=2025-06-01", "from must be on or before to");
    expectBadRequest("q=" + "a".repeat(201), "q must be 200 characters or fewer");
  }

  // --- the JSON -----------------------------------------------------------------------------

  @Test
  void listItems_carryPublishedFieldsOnly() throws Exception {
    String story = published.get(20);
    String json = stories("q=" + marker + "&responded=true&tag=improve:parking&service=hairmyres-emergency-department")
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.total").value(1))
        .andExpect(jsonPath("$.items[0].reference").value(story))
        .andExpect(jsonPath("$.items[0].title").value("Title 20 " + marker))
        .andExpect(jsonPath("$.items[0].excerpt", startsWith("Story 20 about the " + marker)))
        .andExpect(jsonPath("$.items[0].pseudonym").value("API tester"))
        .andExpect(jsonPath("$.items[0].relationship").value("CARER"))
        .andExpect(jsonPath("$.items[0].happenedIn").value("2025-05"))
        .andExpect(jsonPath("$.items[0].publishedAt").value("2025-06-21T11:00:00Z"))
        .andExpect(jsonPath("$.items[0].services[0].slug").value("hairmyres-emergency-department"))
        .andExpect(jsonPath("$.items[0].services[0].name").value("Emergency Department"))
        .andExpect(jsonPath("$.items[0].services[0].site.slug").value("hairmyres"))
        .andExpect(jsonPath("$.items[0].services[0].organisation.name").value("NHS Lanarkshire"))
        .andExpect(jsonPath("$.items[0].tags[0]").value("improve:parking"))
        .andExpect(jsonPath("$.items[0].responded").value(true))
        .andExpect(jsonPath("$.items[0].url", endsWith("/stories/" + story)))
        .andExpect(jsonPath("$.items[0].url", startsWith("http")))
        .andReturn().getResponse().getContentAsString();
    assertNoPrivateData(json);
  }

  @Test
  void oneStory_hasItsTextResponsesChangeAndPublishedRepliesOnly() throws Exception {
    String json = mvc.perform(get("/api/v1/stories/" + answered))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.reference").value(answered))
        .andExpect(jsonPath("$.text", containsString("explained every step of the treatment")))
        .andExpect(jsonPath("$.responded").value(true))
        .andExpect(jsonPath("$.responses.length()").value(1))
        .andExpect(jsonPath("$.responses[0].responderName").value("Craig Wilson"))
        .andExpect(jsonPath("$.responses[0].responderRole").value("Charge Nurse"))
        .andExpect(jsonPath("$.responses[0].text", startsWith("Thank you for telling us")))
        .andExpect(jsonPath("$.responses[0].service.slug").value("hairmyres-emergency-department"))
        .andExpect(jsonPath("$.responses[0].publishedAt").value("2025-06-14T11:00:00Z"))
        .andExpect(jsonPath("$.responses[0].daysToRespond").value(3))
        .andExpect(jsonPath("$.responses[0].change.status").value("planned"))
        .andExpect(jsonPath("$.responses[0].change.description").value("Hourly updates"))
        .andExpect(jsonPath("$.responses[0].authorReplies.length()").value(1))
        .andExpect(jsonPath("$.responses[0].authorReplies[0].text").value("Thank you for answering so quickly."))
        .andReturn().getResponse().getContentAsString();
    assertThat(json).doesNotContain("still waiting for a moderator");
    assertNoPrivateData(json);
    mvc.perform(get("/api/v1/stories/" + published.get(1))).andExpect(status().isOk())
        .andExpect(jsonPath("$.responded").value(false)).andExpect(jsonPath("$.responses.length()").value(0));
  }

  @Test
  void unpublishedStories_areNeverListedNorFound() throws Exception {
    List<String> listed = references("q=" + marker + "&take=100");
    assertThat(listed).doesNotContain(submitted, rejected, withdrawn);
    assertThat(total("from=2025-05-15&to=2025-05-15")).isZero();
    for (String reference : new String[] {submitted, rejected, withdrawn, "CV-2099-999999", "nonsense"}) {
      mvc.perform(get("/api/v1/stories/" + reference))
          .andExpect(status().isNotFound())
          .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
          .andExpect(jsonPath("$.detail").value("There is no published story with the reference " + reference + "."));
    }
  }

  // --- services and tags ----------------------------------------------------------------------

  @Test
  void servicesTree_organisationsSitesServices() throws Exception {
    mvc.perform(get("/api/v1/services"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$[?(@.slug == 'nhs-lanarkshire')].name").value(hasItem("NHS Lanarkshire")))
        .andExpect(jsonPath("$[?(@.slug == 'nhs-lanarkshire')].sites[?(@.slug == 'hairmyres')].services[*].slug")
            .value(hasItem("hairmyres-emergency-department")))
        .andExpect(jsonPath("$[*].sites[*].services[?(@.slug == 'wishaw-maternity')].type").value(hasItem("MATERNITY")))
        .andExpect(jsonPath("$[*].sites[*].services[?(@.slug == 'wishaw-maternity')].url")
            .value(hasItem(endsWith("/services/wishaw-maternity"))))
        .andExpect(jsonPath("$[*].sites[*].services[*].responderGroup").doesNotExist());
    mvc.perform(get("/api/v1/services/wishaw-maternity"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.name").value("Maternity Unit"))
        .andExpect(jsonPath("$.site.slug").value("wishaw"))
        .andExpect(jsonPath("$.organisation.slug").value("nhs-lanarkshire"))
        .andExpect(jsonPath("$.url", endsWith("/services/wishaw-maternity")))
        .andExpect(jsonPath("$.stories", endsWith("/api/v1/stories?service=wishaw-maternity")));
    mvc.perform(get("/api/v1/services/no-such-service"))
        .andExpect(status().isNotFound())
        .andExpect(jsonPath("$.detail").value("There is no service with the slug \"no-such-service\"."));
  }

  @Test
  void tags_groupsInOrderWithEnglishLabels() throws Exception {
    mvc.perform(get("/api/v1/tags"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$[0].code").value("good"))
        .andExpect(jsonPath("$[0].label").value("What was good"))
        .andExpect(jsonPath("$[0].tags[0].code").value("good:kind-staff"))
        .andExpect(jsonPath("$[0].tags[0].label").value("Kind staff"))
        .andExpect(jsonPath("$[1].code").value("improve"))
        .andExpect(jsonPath("$[2].label").value("How you felt"))
        .andExpect(jsonPath("$[2].tags[?(@.code == 'felt:upset')].label").value(hasItem("Upset")));
  }

  // --- the OpenAPI description ----------------------------------------------------------------

  @Test
  void openApiDescription_listsThePublicEndpointsOnly() throws Exception {
    mvc.perform(get("/v3/api-docs"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.openapi", startsWith("3.")))
        .andExpect(jsonPath("$.info.title").value("Carevoice public API"))
        .andExpect(jsonPath("$.paths['/api/v1/stories'].get.parameters[*].name")
            .value(org.hamcrest.Matchers.hasItems("q", "organisation", "site", "service", "tag", "from", "to",
                "responded", "sort", "take", "skip")))
        .andExpect(jsonPath("$.paths['/api/v1/stories'].post.requestBody.content['application/json'].schema").exists())
        .andExpect(jsonPath("$.paths['/api/v1/stories'].post.security[0].staff").exists())
        .andExpect(jsonPath("$.paths['/api/v1/stories/{reference}'].get").exists())
        .andExpect(jsonPath("$.paths['/api/v1/services'].get").exists())
        .andExpect(jsonPath("$.paths['/api/v1/services/{slug}'].get").exists())
        .andExpect(jsonPath("$.paths['/api/v1/tags'].get").exists())
        .andExpect(jsonPath("$.paths['/api/v1/anonymisation/scan']").doesNotExist())
        .andExpect(jsonPath("$.paths['/stories']").doesNotExist())
        .andExpect(jsonPath("$.components.securitySchemes.staff.scheme").value("basic"))
        .andExpect(jsonPath("$.components.schemas.StorySummary.properties.criticality").doesNotExist());
    mvc.perform(get("/v3/api-docs.yaml")).andExpect(status().isOk())
        .andExpect(content().string(containsString("/api/v1/stories/{reference}:")));
  }

  // --- helpers ------------------------------------------------------------------------------

  private void assertNoPrivateData(String json) {
    assertThat(json).doesNotContain(AUTHOR_EMAIL, "criticality", "email", "flag", "moderat", "honeypot", "token",
        "rejection");
  }

  private ResultActions stories(String query) throws Exception {
    return mvc.perform(get(URI.create("/api/v1/stories?" + query)));
  }

  private void expectBadRequest(String query, String detail) throws Exception {
    stories(query).andExpect(status().isBadRequest())
        .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
        .andExpect(jsonPath("$.status").value(400))
        .andExpect(jsonPath("$.detail", startsWith(detail)));
  }

  private List<String> references(String query) throws Exception {
    String json = stories(query).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    return JsonPath.read(json, "$.items[*].reference");
  }

  private long total(String query) throws Exception {
    String json = stories(query).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    return ((Number) JsonPath.read(json, "$.total")).longValue();
  }
}
