package org.carevoice.story;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.carevoice.CarevoiceTest;
import org.carevoice.TextInTables;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Camunda's history must never hold what an author wrote: story text, title, pseudonym or email.
 * Every path is walked the way Tasklist walks it (form variables read, form submitted), then every
 * row of every ACT_HI_* table, and every byte array, is searched for the author's and the
 * moderators' words.
 */
@CarevoiceTest
class NoPersonalDataInHistoryTest {

  private static final String TITLE = "Title-Marker-9912 about my care";
  private static final String BODY = "Zebra-Marker-48213 " + TestStories.BODY + " " + "More words. ".repeat(600);
  private static final String PSEUDONYM = "Pseudo-Marker-5521";
  private static final String EMAIL = "marker.7731@example.org";
  private static final List<String> MARKERS = List.of("Title-Marker-9912", "Zebra-Marker-48213", PSEUDONYM, EMAIL,
      "Edited-Marker-3321", "Confirmed-Marker-7781", "Note-Marker-1187", "Edit-Marker-5512", "07700 900123");

  @Autowired TestStories testStories;
  @Autowired RuntimeService runtimeService;
  @Autowired JdbcTemplate jdbc;

  @Autowired CaseDriver driver;
  @Autowired StoryService stories;

  @Test
  void everyPath_leavesNoPersonalDataInHistory() {
    assertThat(BODY.length()).as("longer than Camunda's 4,000-character string column").isGreaterThan(4_000);

    // approved, with identifiers confirmed by a second moderator who edits the text
    ProcessInstance approved = moderate(submit(BODY + " Call me on 07700 900123."),
        Map.of("decision", "approve", "criticality", "3", "privateText",
            BODY + " Edited-Marker-3321. Call me on 07700 900123."));
    driver.submit(approved, StoryLifecycle.Elements.USER_TASK_CONFIRM_ANONYMISATION, "iain",
        Map.of("anonymisationDecision", "confirm", "privateText", BODY + " Confirmed-Marker-7781."));
    // rejected with a note to the author
    moderate(submit(BODY), Map.of("decision", "reject", "criticality", "1", "rejectionReason", "DUPLICATE",
        "privateMessageToAuthor", "Note-Marker-1187 for you"));
    // asked for changes, edited by the author, then approved
    SubmittedStory edited = submit(BODY);
    ProcessInstance editing = moderate(edited, Map.of("decision", "requestChanges", "criticality", "1",
        "privateMessageToAuthor", "Note-Marker-1187 please change"));
    stories.edit(driver.tokenFromEmail(edited.reference(), "story-changes-requested"), TITLE, BODY + " Edit-Marker-5512.");
    driver.runSavePoints(editing);
    driver.submit(editing, StoryLifecycle.Elements.USER_TASK_MODERATE_STORY, "iain",
        Map.of("decision", "approve", "criticality", "0"));
    // a safeguarding concern, reviewed
    ProcessInstance concern = moderate(submit(BODY + " I am not safe at home."),
        Map.of("decision", "approve", "criticality", "2"));
    driver.submit(concern, StoryLifecycle.Elements.USER_TASK_REVIEW_SAFEGUARDING_CONCERN, "shona",
        Map.of("safeguardingDecision", "publish"));
    // a client that sends the shown text back in the form's read-only fields must not put it in
    // history either (TaskVariableGuard drops them; a name the form lacks is refused outright)
    moderate(submit(BODY), Map.of("decision", "approve", "criticality", "0", "displaySuggestedText", BODY,
        "displayServices", TITLE));
    // withdrawn while waiting for a moderator
    SubmittedStory withdrawn = submit(BODY);
    driver.runSavePoints(driver.instance(withdrawn.reference()));
    stories.withdraw(withdrawn.trackingToken());
    driver.runSavePoints(driver.instance(withdrawn.reference()));

    assertThat(historicRowCount()).as("history was written at all").isGreaterThan(100);
    assertThat(findMarkers()).isEmpty();
  }

  private SubmittedStory submit(String body) {
    return testStories.submit(TITLE, body, PSEUDONYM, EMAIL);
  }

  /** Runs the case to moderation, checks the form shows the story, and submits the moderation form. */
  private ProcessInstance moderate(SubmittedStory submitted, Map<String, Object> values) {
    ProcessInstance instance = driver.instance(submitted.reference());
    driver.runSavePoints(instance);
    assertThat(driver.formVariables(instance, StoryLifecycle.Elements.USER_TASK_MODERATE_STORY).get("privateTitle"))
        .isEqualTo(TITLE);
    driver.submit(instance, StoryLifecycle.Elements.USER_TASK_MODERATE_STORY, "morag", values);
    return instance;
  }

  private long historicRowCount() {
    return historyTables().stream()
        .mapToLong(table -> jdbc.queryForObject("select count(*) from " + table, Long.class)).sum();
  }

  private List<String> historyTables() {
    return jdbc.queryForList("select table_name from information_schema.tables where upper(table_name) like 'ACT\\_HI\\_%' escape '\\'",
        String.class);
  }

  private List<String> findMarkers() {
    Map<String, String> queries = new java.util.LinkedHashMap<>();
    historyTables().forEach(table -> queries.put(table, "select * from " + table));
    // History's byte arrays (type 3, or referenced from history). Runtime ones belong to cases
    // still running (a published story waits for responses) and go with them.
    queries.put("ACT_GE_BYTEARRAY", "select * from ACT_GE_BYTEARRAY where TYPE_ = 3"
        + " or ID_ in (select BYTEARRAY_ID_ from ACT_HI_VARINST) or ID_ in (select BYTEARRAY_ID_ from ACT_HI_DETAIL)");
    return TextInTables.find(jdbc, queries, MARKERS);
  }
}
