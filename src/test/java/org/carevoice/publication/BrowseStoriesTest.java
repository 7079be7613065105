package org.carevoice.publication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.carevoice.CarevoiceTest;
import org.carevoice.organisation.CareService;
import org.carevoice.organisation.OrganisationService;
import org.carevoice.response.ResponseService;
import org.carevoice.story.Channel;
import org.carevoice.story.NewStory;
import org.carevoice.story.PublishedStorySearch;
import org.carevoice.story.Relationship;
import org.carevoice.story.Story;
import org.carevoice.story.StoryService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Browsing and searching the published stories on the public site: every filter, sorting, paging
 * with the filters kept, and a clear 400 for each wrong value. Each test marks its stories with a
 * word of its own, so the demo stories and other tests' stories never get in the way.
 */
@CarevoiceTest
class BrowseStoriesTest {

  private static final ZoneId SCOTLAND = ZoneId.of("Europe/London");

  @Autowired MockMvc mvc;
  @Autowired StoryService stories;
  @Autowired ResponseService responses;
  @Autowired OrganisationService organisation;
  @Autowired JdbcTemplate jdbc;
  @Autowired org.carevoice.story.PublishedStorySearch search;
  @Autowired org.springframework.transaction.PlatformTransactionManager transactions;

  private String marker;

  @BeforeEach
  void marker() {
    java.util.Random random = new java.util.Random();
    marker = "zq" + random.ints(8, 'a', 'z' + 1).collect(StringBuilder::new, StringBuilder::appendCodePoint,
        StringBuilder::append);
  }

  @Test
  void eachFilter_narrowsTheStories() throws Exception {
    Story kind = publish("Kind nurses " + marker, "hairmyres-emergency-department", "2026-03-10", "good:kind-staff");
    answer(kind, "hairmyres-emergency-department", 2);
    Story food = publish("Cold food " + marker, "wishaw-maternity", "2026-05-20", "improve:food");
    Story wait = publish("Long wait " + marker, "hairmyres-emergency-department", "2026-07-01", null);
    Story community = publish("Carers came on time " + marker, "care-at-home-south-lanarkshire", "2026-08-02", null);

    assertThat(titles("q=" + marker)).containsExactly(community.getTitle(), wait.getTitle(), food.getTitle(), kind.getTitle());
    assertThat(titles("q=" + marker + "&service=hairmyres-emergency-department")).containsExactly(wait.getTitle(), kind.getTitle());
    assertThat(titles("q=" + marker + "&site=wishaw")).containsExactly(food.getTitle());
    assertThat(titles("q=" + marker + "&organisation=south-lanarkshire-hscp")).containsExactly(community.getTitle());
    assertThat(titles("q=" + marker + "&tag=good:kind-staff")).containsExactly(kind.getTitle());
    assertThat(titles("q=" + marker + "&responded=yes")).containsExactly(kind.getTitle());
    assertThat(titles("q=" + marker + "&responded=no")).containsExactly(community.getTitle(), wait.getTitle(), food.getTitle());
    assertThat(titles("q=" + marker + "&from=2026-05-01&to=2026-07-01")).containsExactly(wait.getTitle(), food.getTitle());
    assertThat(titles("q=" + marker + "&sort=oldest")).containsExactly(kind.getTitle(), food.getTitle(), wait.getTitle(), community.getTitle());
    assertThat(titles("q=" + marker + "+nurses")).containsExactly(kind.getTitle());
    assertThat(titles("q=" + marker + "+nothingmatchesthis")).isEmpty();
  }

  @Test
  void searchWords_matchTheTextTooAndAnyCase() throws Exception {
    Story story = publish("A title without the word", "wishaw-neonatal", "2026-04-01", null);
    jdbc.update("update story set body = ? where id = ?", "The incubator " + marker.toUpperCase() + " was warm.", story.getId());

    assertThat(titles("q=" + marker)).containsExactly(story.getTitle());
    mvc.perform(get("/stories").param("q", marker))
        .andExpect(content().string(containsString("1 story, page 1 of 1")))
        .andExpect(content().string(containsString("No response yet")));
  }

  @Test
  void paging_keepsTheFiltersAndEndsWithA404() throws Exception {
    List<String> published = new ArrayList<>();
    for (int i = 1; i <= 12; i++) {
      published.add(publish("Story " + i + " " + marker, "monklands-renal-unit", "2026-01-%02d".formatted(i), null).getTitle());
    }
    String first = mvc.perform(get("/stories").param("q", marker)).andExpect(status().isOk())
        .andReturn().getResponse().getContentAsString();
    assertThat(first).contains("12 stories, page 1 of 2").contains("/stories?q=" + marker + "&amp;page=2");
    List<String> both = new ArrayList<>(titles("q=" + marker));
    both.addAll(titles("q=" + marker + "&page=2"));
    assertThat(both).hasSize(12).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(published);
    assertThat(both.get(0)).isEqualTo("Story 12 " + marker);
    mvc.perform(get("/stories").param("q", marker).param("page", "3")).andExpect(status().isNotFound());
  }

  @Test
  void aSearchWithVeryManyMatches_stopsCountingAtTheLimit() throws Exception {
    new org.springframework.transaction.support.TransactionTemplate(transactions).executeWithoutResult(status -> {
      for (int i = 0; i <= PublishedStorySearch.COUNT_LIMIT; i++) {
        publish("Many " + i + " " + marker, "hairmyres-outpatients", "2025-06-01", null);
      }
    });
    mvc.perform(get("/stories").param("q", marker)).andExpect(status().isOk())
        .andExpect(content().string(containsString("More than 1,000 stories, page 1 of 100")));
    assertThat(titles("q=" + marker + "&page=100")).hasSize(10);
    mvc.perform(get("/stories").param("q", marker).param("page", "101")).andExpect(status().isNotFound());
    mvc.perform(get("/api/v1/stories").param("q", marker).param("take", "1"))
        .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath("$.total").value(1000))
        .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath("$.totalIsExact").value(false));
    // The whole list is counted exactly.
    mvc.perform(get("/api/v1/stories").param("take", "1"))
        .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath("$.totalIsExact").value(true));
  }

  @Test
  void wrongFilters_getA400WithAMessageEach() throws Exception {
    expectProblem("from", "2026-13-01", "Enter a real date, for example 2026-03-01");
    expectProblem("service", "no-such-service", "Choose a service from the list");
    expectProblem("site", "no-such-site", "Choose a hospital or site from the list");
    expectProblem("organisation", "no-such-organisation", "Choose an organisation from the list");
    expectProblem("tag", "good:nothing", "Choose a tag from the list");
    expectProblem("responded", "maybe", "Choose whether to show stories with a response or without");
    expectProblem("sort", "sideways", "Choose how to sort the stories");
    expectProblem("page", "abc", "The page number must be a whole number from 1");
    expectProblem("page", "0", "The page number must be a whole number from 1");
    expectProblem("q", "x".repeat(201), "Search words must be 200 characters or fewer");
    mvc.perform(get("/stories").param("from", "2026-06-01").param("to", "2026-05-01"))
        .andExpect(status().isBadRequest())
        .andExpect(content().string(containsString("must be the same as or after")));
  }

  @Test
  void criticality_isNeverShown() throws Exception {
    Story story = publish("Critical but public " + marker, "wishaw-emergency-department", "2026-02-02", null);
    jdbc.update("update story set criticality = 5 where id = ?", story.getId());
    for (String page : List.of("/stories?q=" + marker, "/stories/" + story.getReference(),
        "/services/wishaw-emergency-department")) {
      mvc.perform(get(page)).andExpect(status().isOk())
          .andExpect(content().string(not(containsString("riticality"))))
          .andExpect(content().string(not(containsString("riticality"))));
    }
  }

  @Test
  void servicePage_showsItsStoriesFiguresAndChanges() throws Exception {
    String slug = "district-nursing-hamilton";
    Story answered = publish("Nurses every day " + marker, slug, "2026-06-01", null);
    answer(answered, slug, 3);
    Story changed = publish("Missed visits " + marker, slug, "2026-06-05", null);
    Long responseId = answer(changed, slug, 1);
    jdbc.update("update response set change_type = 'made', change_description = ? where id = ?",
        "Visits are now booked a week ahead " + marker, responseId);
    publish("No answer yet " + marker, slug, "2026-06-09", null);

    String page = mvc.perform(get("/services/" + slug)).andExpect(status().isOk())
        .andReturn().getResponse().getContentAsString();
    long published = jdbc.queryForObject("""
        select count(*) from story s join story_service ss on ss.story_id = s.id join care_service c on c.id = ss.service_id
        where c.slug = ? and s.status = 'PUBLISHED'""", Long.class, slug);
    long withResponse = jdbc.queryForObject("""
        select count(distinct s.id) from story s join story_service ss on ss.story_id = s.id join care_service c on c.id = ss.service_id
        join response r on r.story_id = s.id and r.service_id = c.id and r.status = 'PUBLISHED'
        where c.slug = ? and s.status = 'PUBLISHED'""", Long.class, slug);
    assertThat(page).contains("District Nursing, Hamilton")
        .contains("(" + withResponse + " of " + published + ")")
        .contains(Math.round(100.0 * withResponse / published) + "%")
        .contains(">Change made</strong>").contains("Visits are now booked a week ahead " + marker)
        .contains("Nurses every day " + marker).contains("No answer yet " + marker);
    mvc.perform(get("/services/no-such-service")).andExpect(status().isNotFound());
    mvc.perform(get("/services/" + slug).param("page", "x")).andExpect(status().isBadRequest());
    mvc.perform(get("/services")).andExpect(status().isOk())
        .andExpect(content().string(containsString("/services/" + slug)));
  }

  @Autowired ServiceFigures figures;

  /** The median, computed by the database, over the reports' known data set (ReportDataSet). */
  @Test
  void typicalResponseTime_isTheMedianInWholeDays() {
    org.carevoice.reporting.ReportDataSet.load(jdbc, organisation);
    // Ward A1: 5 published (the withdrawn one left out), 4 answered after 6, 24, 48 and 96 hours:
    // the median is 36 hours, one whole day.
    assertThat(figures.of(serviceId("rt-a1"))).isEqualTo(new ServiceFigures.Figures(5, 4, 1L));
    // Clinic B1: 12 and 30 hours, 21 hours: no whole day.
    assertThat(figures.of(serviceId("rt-b1"))).isEqualTo(new ServiceFigures.Figures(2, 2, 0L));
    // Ward A2: one answered after 35 hours 10 minutes (a single value is its own median), one not.
    assertThat(figures.of(serviceId("rt-a2"))).isEqualTo(new ServiceFigures.Figures(2, 1, 1L));
  }

  private Long serviceId(String slug) {
    return organisation.findBySlug(slug).orElseThrow().getId();
  }

  private void expectProblem(String field, String value, String message) throws Exception {
    mvc.perform(get("/stories").param(field, value))
        .andExpect(status().isBadRequest())
        .andExpect(content().string(containsString("There is a problem")))
        .andExpect(content().string(containsString(message)));
  }

  private List<String> titles(String query) throws Exception {
    String html = mvc.perform(get("/stories?" + query)).andExpect(status().isOk())
        .andReturn().getResponse().getContentAsString();
    Matcher matcher = Pattern.compile("class=\"nhsuk-card__link\" href=\"/stories/CV-[0-9-]+\">([^<]+)</a>").matcher(html);
    List<String> titles = new ArrayList<>();
    while (matcher.find()) {
      titles.add(matcher.group(1));
    }
    return titles;
  }

  @Test
  void theWholeListsCount_isKept_untilAStoryIsWrittenHere() {
    long before = search.search(org.carevoice.story.StorySearch.all(), 0, 10).total();
    Story published = publish("Counted " + marker, "wishaw-maternity", "2026-06-01", null);
    assertThat(search.search(org.carevoice.story.StorySearch.all(), 0, 10).total())
        .as("a story published on this node is counted at once").isEqualTo(before + 1);

    // A row written behind the application's back (another node, SQL) waits for the count's time to live.
    jdbc.update("update story set status = 'WITHDRAWN' where id = ?", published.getId());
    assertThat(search.search(org.carevoice.story.StorySearch.all(), 0, 10).total()).isEqualTo(before + 1);
    assertThat(search.search(org.carevoice.story.StorySearch.ofService("wishaw-maternity"), 0, 1000).total())
        .as("a narrowed list is counted each time").isEqualTo(
            jdbc.queryForObject("select count(*) from story s join story_service ss on ss.story_id = s.id"
                + " join care_service c on c.id = ss.service_id where s.status = 'PUBLISHED'"
                + " and c.slug = 'wishaw-maternity'", Long.class));

    publish("Counted again " + marker, "wishaw-maternity", "2026-06-02", null);
    assertThat(search.search(org.carevoice.story.StorySearch.all(), 0, 10).total())
        .as("any story written here makes it count again").isEqualTo(before + 1);
  }

  private Story publish(String title, String serviceSlug, String publishedOn, String tag) {
    CareService service = organisation.findBySlug(serviceSlug).orElseThrow();
    Instant at = LocalDate.parse(publishedOn).atTime(12, 0).atZone(SCOTLAND).toInstant();
    Story story = stories.importPublished(new NewStory(title, "What happened, in the author's words. " + title,
        "Browser", null, Relationship.PATIENT, LocalDate.parse(publishedOn).withDayOfMonth(1), List.of(service.getId()),
        Channel.PAPER), 1, at);
    if (tag != null) {
      jdbc.update("insert into story_tag (story_id, tag) values (?, ?)", story.getId(), tag);
    }
    return story;
  }

  private Long answer(Story story, String serviceSlug, int daysLater) {
    CareService service = organisation.findBySlug(serviceSlug).orElseThrow();
    return responses.importPublished(story.getId(), service, "Thank you for telling us.", "Ann Other", "Charge Nurse",
        story.getPublishedAt().plus(java.time.Duration.ofDays(daysLater))).getId();
  }
}
