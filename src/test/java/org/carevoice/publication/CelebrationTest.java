package org.carevoice.publication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.carevoice.CarevoiceTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * Celebrating a positive story: sharing it internally, and the service's recognition page. Only
 * the responders and managers of the story's services (and administrators) may; whoever recognised
 * a story (or an administrator) may withdraw it. Demo users: craig responds for Hairmyres ED, aileen
 * for Care at Home, graham manages Hairmyres, morag moderates, admin administers.
 */
@CarevoiceTest
class CelebrationTest {

  static final String NOT_ALLOWED = "You cannot share or recognise this story";
  static final String CELEBRATE_LINK = "Share this story with your team or mark it as staff recognition";
  static final String HAIRMYRES_ED = "Emergency Department, University Hospital Hairmyres";

  @Autowired MockMvc mvc;
  @Autowired JdbcTemplate jdbc;

  @Test
  void staffOfTheStorysService_shareItWithATeamOrAColleague() throws Exception {
    String reference = demoStory("care-at-home-south-lanarkshire");
    long aileen = shared("aileen");
    long graham = shared("graham");

    mvc.perform(get("/staff/stories/" + reference + "/celebrate")).andExpect(status().is3xxRedirection());
    mvc.perform(get("/staff/stories/" + reference + "/celebrate").with(user("aileen"))).andExpect(status().isOk())
        .andExpect(content().string(containsString("Share it with colleagues")));
    mvc.perform(post("/staff/stories/" + reference + "/share").with(user("aileen")).with(csrf())
        .param("group", "responders-care-at-home")).andExpect(flash().attribute("shared", 1));
    mvc.perform(post("/staff/stories/" + reference + "/share").with(user("aileen")).with(csrf())
        .param("colleague", "graham")).andExpect(flash().attribute("shared", 1));
    mvc.perform(post("/staff/stories/" + reference + "/share").with(user("aileen")).with(csrf()))
        .andExpect(status().isBadRequest());

    assertThat(shared("aileen") - aileen).isEqualTo(1);
    assertThat(shared("graham") - graham).isEqualTo(1);
  }

  @Test
  void staffOfOtherServices_get403AndSeeNoLink_andNothingIsSharedOrRecognised() throws Exception {
    String reference = demoStory("care-at-home-south-lanarkshire");
    long sharedBefore = jdbc.queryForObject("select count(*) from outbox_message where template = 'story-shared'", Long.class);

    // graham manages Hairmyres, craig answers for Hairmyres ED, morag moderates: none of them works for Care at Home.
    for (String outsider : new String[] {"graham", "craig", "morag"}) {
      mvc.perform(get("/stories/" + reference).with(user(outsider))).andExpect(status().isOk())
          .andExpect(content().string(not(containsString(CELEBRATE_LINK))));
      mvc.perform(get("/staff/stories/" + reference + "/celebrate").with(user(outsider)))
          .andExpect(status().isForbidden()).andExpect(content().string(containsString(NOT_ALLOWED)))
          .andExpect(content().string(not(containsString("Mark as staff recognition"))));
      mvc.perform(post("/staff/stories/" + reference + "/share").with(user(outsider)).with(csrf())
          .param("group", "responders-hairmyres-ed")).andExpect(status().isForbidden())
          .andExpect(content().string(containsString(NOT_ALLOWED)));
      mvc.perform(post("/staff/stories/" + reference + "/share").with(user(outsider)).with(csrf())
          .param("colleague", "craig")).andExpect(status().isForbidden());
      mvc.perform(post("/staff/stories/" + reference + "/recognise").with(user(outsider)).with(csrf()))
          .andExpect(status().isForbidden()).andExpect(content().string(containsString(NOT_ALLOWED)));
    }

    assertThat(jdbc.queryForObject("select count(*) from outbox_message where template = 'story-shared'", Long.class))
        .isEqualTo(sharedBefore);
    assertThat(recognitions(reference)).isZero();
    // The public never sees the link; the story's own responder does.
    mvc.perform(get("/stories/" + reference)).andExpect(content().string(not(containsString(CELEBRATE_LINK))));
    mvc.perform(get("/stories/" + reference).with(user("aileen"))).andExpect(content().string(containsString(CELEBRATE_LINK)));
  }

  @Test
  void responderRecognisesAStory_othersCannotWithdrawIt_theResponderWithdrawsIt() throws Exception {
    String reference = demoStory("hairmyres-emergency-department");
    String celebrate = "/staff/stories/" + reference + "/celebrate";
    String withdraw = "/staff/stories/" + reference + "/recognition/withdraw";
    String page = "/services/hairmyres-emergency-department/recognition";

    MvcResult recognised = mvc.perform(post("/staff/stories/" + reference + "/recognise").with(user("craig")).with(csrf()))
        .andExpect(redirectedUrl(celebrate)).andExpect(flash().attribute("recognised", HAIRMYRES_ED)).andReturn();
    mvc.perform(get(celebrate).with(user("craig")).flashAttrs(recognised.getFlashMap()))
        .andExpect(content().string(containsString("The story now appears on the staff recognition page of: " + HAIRMYRES_ED)))
        .andExpect(content().string(containsString("Withdraw my recognition")));
    mvc.perform(get(page)).andExpect(content().string(containsString("Seen quickly and treated with kindness")));

    // The Hairmyres manager may see and share it, but the recognition is craig's to withdraw.
    mvc.perform(get(celebrate).with(user("graham"))).andExpect(status().isOk())
        .andExpect(content().string(containsString("It is shown on the staff recognition page of:")))
        .andExpect(content().string(not(containsString("Withdraw my recognition"))));
    mvc.perform(post(withdraw).with(user("graham")).with(csrf())).andExpect(status().isForbidden());
    mvc.perform(post(withdraw).with(user("aileen")).with(csrf())).andExpect(status().isForbidden());
    // Without the form's CSRF token nothing is withdrawn, even by craig.
    mvc.perform(post(withdraw).with(user("craig"))).andExpect(status().isForbidden());
    assertThat(recognitions(reference)).isEqualTo(1);

    MvcResult withdrawn = mvc.perform(post(withdraw).with(user("craig")).with(csrf()))
        .andExpect(redirectedUrl(celebrate)).andExpect(flash().attribute("withdrawn", HAIRMYRES_ED)).andReturn();
    mvc.perform(get(celebrate).with(user("craig")).flashAttrs(withdrawn.getFlashMap()))
        .andExpect(content().string(containsString(
            "You withdrew the recognition: the story no longer appears on the staff recognition page of: " + HAIRMYRES_ED)))
        .andExpect(content().string(containsString("It is not marked as staff recognition yet.")))
        .andExpect(content().string(containsString("Mark as staff recognition")));
    assertThat(recognitions(reference)).isZero();
    mvc.perform(get(page)).andExpect(content().string(not(containsString("Seen quickly and treated with kindness"))));
  }

  @Test
  void administrator_recognisesAnyStory_andWithdrawsAManagersRecognition() throws Exception {
    String district = demoStory("district-nursing-hamilton");
    mvc.perform(get("/services/district-nursing-hamilton/recognition"))
        .andExpect(content().string(containsString("No story has been marked")));
    mvc.perform(post("/staff/stories/" + district + "/recognise").with(user("admin")).with(csrf()))
        .andExpect(status().is3xxRedirection());
    mvc.perform(post("/staff/stories/" + district + "/recognise").with(user("admin")).with(csrf()));
    mvc.perform(get("/services/district-nursing-hamilton/recognition")).andExpect(status().isOk())
        .andExpect(content().string(containsString("Dressings changed at home")));
    assertThat(recognitions(district)).isEqualTo(1);
    mvc.perform(get("/services/no-such-service/recognition")).andExpect(status().isNotFound());

    String ward15 = demoStory("hairmyres-ward-15");
    mvc.perform(post("/staff/stories/" + ward15 + "/recognise").with(user("graham")).with(csrf()))
        .andExpect(flash().attribute("recognised", "Ward 15 (Orthopaedics), University Hospital Hairmyres"));
    mvc.perform(post("/staff/stories/" + ward15 + "/recognition/withdraw").with(user("admin")).with(csrf()))
        .andExpect(flash().attribute("withdrawn", "Ward 15 (Orthopaedics), University Hospital Hairmyres"));
    assertThat(recognitions(ward15)).isZero();
  }

  private String demoStory(String serviceSlug) {
    return jdbc.queryForObject("select s.reference from story s join story_service ss on ss.story_id = s.id"
        + " join care_service c on c.id = ss.service_id where c.slug = ? and s.status = 'PUBLISHED' and s.channel = 'DEMO'",
        String.class, serviceSlug);
  }

  private long recognitions(String reference) {
    return jdbc.queryForObject("select count(*) from staff_recognition r join story s on s.id = r.story_id"
        + " where s.reference = ?", Long.class, reference);
  }

  private long shared(String user) {
    return jdbc.queryForObject("select count(*) from outbox_message where template = 'story-shared' and recipient = ?",
        Long.class, user + "@demo.carevoice.local");
  }
}
