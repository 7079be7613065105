package org.carevoice.dataprotection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.carevoice.CarevoiceTest;
import org.carevoice.story.CaseDriver;
import org.carevoice.story.SubmittedStory;
import org.carevoice.story.TestStories;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The data-protection pages over HTTP (MockMvc through the whole security chain, demo users):
 * only the data-protection group and administrators use them; a search, an export and an erasure
 * each do what the person asked and each leave a line in the access log, without the address.
 */
@CarevoiceTest
class DataProtectionPagesTest {

  private static final String OTHER_EMAIL = "someone.else.5512@example.org";

  @Autowired MockMvc mvc;
  @Autowired DataProtection dataProtection;
  @Autowired TestStories stories;
  @Autowired CaseDriver driver;
  @Autowired RuntimeService runtime;
  @Autowired HistoryService history;
  @Autowired JdbcTemplate jdbc;

  @Test
  void everyOtherRole_isRefused_andAnonymousIsSentToSignIn() throws Exception {
    for (String role : List.of("morag", "iain", "fiona", "craig", "aileen", "graham", "shona", "patricia")) {
      mvc.perform(get("/staff/data-protection").with(user(role))).andExpect(status().isForbidden());
      mvc.perform(get("/staff/data-protection/access-log").with(user(role))).andExpect(status().isForbidden());
      for (String path : List.of("/search", "/export", "/erase", "/erase/confirmed")) {
        mvc.perform(post("/staff/data-protection" + path).with(user(role)).with(csrf()).param("email", OTHER_EMAIL)
            .param("confirm", "yes")).andExpect(status().isForbidden());
      }
      mvc.perform(get("/staff").with(user(role))).andExpect(status().isOk())
          .andExpect(content().string(not(containsString("/staff/data-protection"))));
    }
    mvc.perform(get("/staff/data-protection")).andExpect(status().is3xxRedirection())
        .andExpect(redirectedUrlPattern("**/login"));
    mvc.perform(get("/staff/data-protection/access-log")).andExpect(status().is3xxRedirection())
        .andExpect(redirectedUrlPattern("**/login"));
    assertThat(jdbc.queryForObject("select count(*) from story where author_email = ?", Integer.class, OTHER_EMAIL))
        .isZero();
  }

  @Test
  void theDataProtectionOfficerAndAdministrators_openThePages_linkedFromTheStaffHome() throws Exception {
    for (String role : List.of("dana", "admin")) {
      mvc.perform(get("/staff").with(user(role))).andExpect(status().isOk())
          .andExpect(content().string(containsString("href=\"/staff/data-protection\"")))
          .andExpect(content().string(containsString("href=\"/staff/data-protection/access-log\"")));
      mvc.perform(get("/staff/data-protection").with(user(role))).andExpect(status().isOk())
          .andExpect(content().string(containsString("Find what we hold")))
          .andExpect(content().string(containsString("How long we keep personal data")));
      mvc.perform(get("/staff/data-protection/access-log").with(user(role))).andExpect(status().isOk())
          .andExpect(content().string(containsString("Access log")));
    }
  }

  @Test
  void badAddresses_getAClearMessageAnd400() throws Exception {
    for (String email : List.of("", "   ", "not-an-address", "a@b@c", "x".repeat(250) + "@example.org")) {
      mvc.perform(post("/staff/data-protection/search").with(user("dana")).with(csrf()).param("email", email))
          .andExpect(status().isBadRequest())
          .andExpect(content().string(containsString("Enter an email address, like name@example.com")));
    }
    mvc.perform(post("/staff/data-protection/search").with(user("dana")).with(csrf())).andExpect(status().isBadRequest());
    mvc.perform(post("/staff/data-protection/export").with(user("dana")).with(csrf()).param("email", "nope"))
        .andExpect(status().isBadRequest());
  }

  @Test
  void search_export_andErase_doWhatThePersonAsked_andEachIsLoggedWithoutTheAddress() throws Exception {
    String email = "dp.subject." + System.nanoTime() + "@example.org";
    SubmittedStory running = stories.submit("DP story in moderation", TestStories.BODY, "Dee from Hamilton", email);
    SubmittedStory published = stories.submit("DP story published", TestStories.BODY, "Dee from Hamilton",
        email.toUpperCase());
    endCaseAsPublished(published.reference());
    long reply = authorReply(published.reference());
    SubmittedStory other = stories.submit("DP someone else's story", TestStories.BODY, "Another", OTHER_EMAIL);

    // Search: the stories (the address as typed in any case), the reply, the emails; nobody else's.
    mvc.perform(dana(post("/staff/data-protection/search")).param("email", " " + email + " "))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString(running.reference())))
        .andExpect(content().string(containsString(published.reference())))
        .andExpect(content().string(containsString("DP story published")))
        .andExpect(content().string(containsString("Stories told with this address (2)")))
        .andExpect(content().string(containsString("Replies to responses (1)")))
        .andExpect(content().string(containsString("Emails to this address (2)")))
        .andExpect(content().string(not(containsString(other.reference()))));
    Map<String, Object> search = lastLogLine();
    assertThat(search.get("ACTION")).isEqualTo("SEARCH");
    assertThat(search.get("VIEWED_BY")).isEqualTo("dana");
    assertThat((String) search.get("STORY_REFERENCES")).contains(running.reference(), published.reference());
    assertThat(search.get("SUBJECT_HASH")).isEqualTo(dataProtection.subjectHash(email))
        .isNotEqualTo(java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
            .digest(email.strip().toLowerCase(java.util.Locale.ROOT).getBytes(java.nio.charset.StandardCharsets.UTF_8))));
    assertThat(search.values()).allSatisfy(value -> assertThat(String.valueOf(value)).doesNotContainIgnoringCase(email));

    // Export: JSON, not cached, downloaded under a name without the address.
    String json = mvc.perform(dana(post("/staff/data-protection/export")).param("email", email))
        .andExpect(status().isOk())
        .andExpect(header().string("Content-Type", containsString("application/json")))
        .andExpect(header().string("Cache-Control", containsString("no-store")))
        .andExpect(header().string("Content-Disposition", containsString("attachment")))
        .andExpect(header().string("Content-Disposition", not(containsString("@"))))
        .andReturn().getResponse().getContentAsString();
    JsonNode export = new ObjectMapper().readTree(json);
    assertThat(export.get("stories")).hasSize(2);
    assertThat(export.get("stories").get(0).get("body").asText()).isEqualTo(TestStories.BODY);
    assertThat(export.get("stories").get(0).get("pseudonym").asText()).isEqualTo("Dee from Hamilton");
    assertThat(export.get("authorReplies")).hasSize(1);
    assertThat(export.get("authorReplies").get(0).get("body").asText()).isEqualTo("DP reply text 3390");
    assertThat(export.get("emailsSent")).hasSize(2);
    assertThat(export.get("emailsSent").get(0).get("template").asText()).isEqualTo("story-received");
    assertThat(lastLogLine().get("ACTION")).isEqualTo("EXPORT");

    // Erase: a confirmation step first; nothing goes until it is confirmed.
    mvc.perform(dana(post("/staff/data-protection/erase")).param("email", email)).andExpect(status().isOk())
        .andExpect(content().string(containsString("This erases 2 stories, 1 replies and 2 emails.")));
    mvc.perform(dana(post("/staff/data-protection/erase/confirmed")).param("email", email))
        .andExpect(status().isBadRequest())
        .andExpect(content().string(containsString("Confirm that you have checked")));
    assertThat(authorEmailOf(running.reference())).isEqualTo(email);
    assertThat(lastLogLine().get("ACTION")).isEqualTo("EXPORT");

    mvc.perform(dana(post("/staff/data-protection/erase/confirmed")).param("email", email).param("confirm", "yes"))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("We erased 2 stories, 1 replies and 2 emails.")));
    ProcessInstance runningCase = driver.instance(running.reference());
    if (runningCase != null) {
      driver.runSavePoints(runningCase);
    }
    assertThat(driver.instance(running.reference())).as("the running case ended by its withdrawal path").isNull();
    for (String reference : List.of(running.reference(), published.reference())) {
      Map<String, Object> row = jdbc.queryForMap("select status, title, body, author_email, author_pseudonym"
          + " from story where reference = ?", reference);
      assertThat(row.get("STATUS")).isEqualTo("WITHDRAWN");
      assertThat(row.get("TITLE")).isEqualTo("Withdrawn story");
      assertThat(row.get("BODY")).isEqualTo("");
      assertThat(row.get("AUTHOR_EMAIL")).isNull();
      assertThat(row.get("AUTHOR_PSEUDONYM")).isNull();
    }
    assertThat(jdbc.queryForObject("select count(*) from author_reply where id = ?", Integer.class, reply)).isZero();
    assertThat(jdbc.queryForObject("select count(*) from outbox_message where lower(recipient) = ?", Integer.class,
        email)).isZero();
    assertThat(authorEmailOf(other.reference())).as("nobody else's data").isEqualTo(OTHER_EMAIL);
    assertThat(jdbc.queryForObject("select title from story where reference = ?", String.class, other.reference()))
        .isEqualTo("DP someone else's story");
    Map<String, Object> erase = lastLogLine();
    assertThat(erase.get("ACTION")).isEqualTo("ERASE");
    assertThat((String) erase.get("STORY_REFERENCES")).contains(running.reference(), published.reference());

    mvc.perform(dana(post("/staff/data-protection/search")).param("email", email)).andExpect(status().isOk())
        .andExpect(content().string(containsString("We hold nothing about this address")));

    // The access log: who, what, which stories; never the address.
    mvc.perform(get("/staff/data-protection/access-log").with(user("dana"))).andExpect(status().isOk())
        .andExpect(content().string(containsString("Erased an address&#39;s data: 2 stories, 1 replies, 2 emails")))
        .andExpect(content().string(containsString("Downloaded an address&#39;s data")))
        .andExpect(content().string(containsString(published.reference())))
        .andExpect(content().string(not(containsString(email))))
        .andExpect(content().string(not(containsString("dp.subject."))));
  }

  @Test
  void theSafeguardingLeadsOpenings_appearInTheAccessLog() throws Exception {
    SubmittedStory concern = stories.submit("DP safeguarding", "Her carer hits my mum when nobody is there. "
        + TestStories.BODY, "Anon", "dp.safeguarding." + System.nanoTime() + "@example.org");
    driver.runSavePoints(driver.instance(concern.reference()));
    mvc.perform(get("/staff/safeguarding/" + concern.reference()).with(user("shona"))).andExpect(status().isOk());
    Integer opened = jdbc.queryForObject("select count(*) from safeguarding_access where story_reference = ?",
        Integer.class, concern.reference());
    mvc.perform(get("/staff/data-protection/access-log").with(user("dana"))).andExpect(status().isOk())
        .andExpect(opened > 0 ? content().string(containsString(concern.reference()))
            : content().string(not(containsString(concern.reference()))));
    assertThat(opened).as("screening flagged the story and the lead opened it").isPositive();
  }

  private MockHttpServletRequestBuilder dana(MockHttpServletRequestBuilder request) {
    return request.with(user("dana")).with(csrf());
  }

  private void endCaseAsPublished(String reference) {
    ProcessInstance instance = driver.instance(reference);
    runtime.deleteProcessInstance(instance.getId(), "test: the case ended", true, true);
    jdbc.update("update story set status = 'PUBLISHED', published_at = ?, ended_at = ? where reference = ?",
        java.sql.Timestamp.from(Instant.now()), java.sql.Timestamp.from(Instant.now()), reference);
  }

  private long authorReply(String reference) {
    long response = 960_000_000L + System.nanoTime() % 1_000_000;
    jdbc.update("""
        insert into response (id, story_id, service_id, body, responder_name, responder_role, created_at, published_at,
          status)
        values (?, (select id from story where reference = ?), ?, 'Thank you.', 'A nurse', 'Charge nurse', ?, ?,
          'PUBLISHED')""", response, reference, stories.serviceId("hairmyres-emergency-department"),
        java.sql.Timestamp.from(Instant.now()), java.sql.Timestamp.from(Instant.now()));
    long reply = response + 1;
    jdbc.update("""
        insert into author_reply (id, story_id, response_id, body, status, created_at)
        values (?, (select id from story where reference = ?), ?, 'DP reply text 3390', 'AWAITING_MODERATION', ?)""",
        reply, reference, response, java.sql.Timestamp.from(Instant.now()));
    return reply;
  }

  private String authorEmailOf(String reference) {
    return jdbc.queryForObject("select author_email from story where reference = ?", String.class, reference);
  }

  private Map<String, Object> lastLogLine() {
    return jdbc.queryForMap("select * from personal_data_access order by id desc limit 1");
  }
}
