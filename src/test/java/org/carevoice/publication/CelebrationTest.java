package org.carevoice.publication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.carevoice.CarevoiceTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

/** Celebrating a positive story: sharing it internally, and the service's recognition page. */
@CarevoiceTest
class CelebrationTest {

  @Autowired MockMvc mvc;
  @Autowired JdbcTemplate jdbc;

  @Test
  void staffShareAPositiveStory_withATeamOrAColleague() throws Exception {
    String reference = demoStory("care-at-home-south-lanarkshire");
    long aileen = shared("aileen");
    long graham = shared("graham");

    mvc.perform(get("/staff/stories/" + reference + "/celebrate")).andExpect(status().is3xxRedirection());
    mvc.perform(post("/staff/stories/" + reference + "/share").with(user("craig")).with(csrf())
        .param("group", "responders-care-at-home")).andExpect(flash().attribute("shared", 1));
    mvc.perform(post("/staff/stories/" + reference + "/share").with(user("craig")).with(csrf())
        .param("colleague", "graham")).andExpect(flash().attribute("shared", 1));
    mvc.perform(post("/staff/stories/" + reference + "/share").with(user("craig")).with(csrf()))
        .andExpect(status().isBadRequest());

    assertThat(shared("aileen") - aileen).isEqualTo(1);
    assertThat(shared("graham") - graham).isEqualTo(1);
  }

  @Test
  void recognisedStory_appearsOnTheServicesRecognitionPage() throws Exception {
    String reference = demoStory("district-nursing-hamilton");
    mvc.perform(get("/services/district-nursing-hamilton/recognition"))
        .andExpect(content().string(containsString("No story has been marked")));

    mvc.perform(post("/staff/stories/" + reference + "/recognise").with(user("craig")).with(csrf()))
        .andExpect(status().is3xxRedirection());
    mvc.perform(post("/staff/stories/" + reference + "/recognise").with(user("craig")).with(csrf()));

    mvc.perform(get("/services/district-nursing-hamilton/recognition")).andExpect(status().isOk())
        .andExpect(content().string(containsString("Dressings changed at home")));
    mvc.perform(get("/services/no-such-service/recognition")).andExpect(status().isNotFound());
  }

  private String demoStory(String serviceSlug) {
    return jdbc.queryForObject("select s.reference from story s join story_service ss on ss.story_id = s.id"
        + " join care_service c on c.id = ss.service_id where c.slug = ? and s.status = 'PUBLISHED' and s.channel = 'DEMO'",
        String.class, serviceSlug);
  }

  private long shared(String user) {
    return jdbc.queryForObject("select count(*) from outbox_message where template = 'story-shared' and recipient = ?",
        Long.class, user + "@demo.carevoice.local");
  }
}
