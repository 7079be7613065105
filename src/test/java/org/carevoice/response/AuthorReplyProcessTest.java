package org.carevoice.response;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.carevoice.CarevoiceTest;
import org.carevoice.story.CaseDriver;
import org.carevoice.story.StoryLifecycle;
import org.carevoice.story.StoryService;
import org.carevoice.story.SubmittedStory;
import org.carevoice.story.TestStories;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

/** processes/author-reply.bpmn and the author's responses page: replies are always moderated. */
@CarevoiceTest
class AuthorReplyProcessTest {

  @Autowired ProcessEngine processEngine;
  @Autowired RuntimeService runtimeService;
  @Autowired TestStories testStories;
  @Autowired CaseDriver driver;
  @Autowired StoryService stories;
  @Autowired JdbcTemplate jdbc;
  @Autowired MockMvc mvc;

  @BeforeEach
  void init() {
    BpmnAwareTests.init(processEngine);
  }

  @Test
  void reply_isModeratedPublishedAndTheRespondersEmailed() throws Exception {
    Answered answered = answered("Reply published");
    String page = "/my-story/" + answered.token() + "/responses";
    mvc.perform(get(page)).andExpect(status().isOk()).andExpect(content().string(containsString("Reply to this response")));
    mvc.perform(post(page + "/" + answered.responseId() + "/reply").with(csrf()).param("reply", " "))
        .andExpect(status().isBadRequest()).andExpect(content().string(containsString("Write your reply")));
    mvc.perform(post(page + "/999999/reply").with(csrf()).param("reply", "Thanks")).andExpect(status().isNotFound());

    mvc.perform(post(page + "/" + answered.responseId() + "/reply").with(csrf())
        .param("reply", "Thank you for listening. The hourly updates will make a real difference."))
        .andExpect(redirectedUrl(page));
    ProcessInstance reply = replyCase(answered.reference());
    driver.runSavePoints(reply);
    assertThat(reply).isWaitingAt(AuthorReplyLifecycle.Elements.USER_TASK_MODERATE_REPLY);
    mvc.perform(get("/stories/" + answered.reference())).andExpect(content().string(
        org.hamcrest.Matchers.not(containsString("The hourly updates will make"))));

    driver.submit(reply, AuthorReplyLifecycle.Elements.USER_TASK_MODERATE_REPLY, "iain", Map.of("replyDecision", "approve"));

    assertThat(reply).hasPassed(AuthorReplyLifecycle.Elements.END_REPLY_PUBLISHED).isEnded();
    mvc.perform(get("/stories/" + answered.reference())).andExpect(content().string(containsString("The author replied on")))
        .andExpect(content().string(containsString("The hourly updates will make a real difference.")));
    assertThat(driver.templatesAbout(answered.reference())).contains("reply-published");
    assertThat(jdbc.queryForObject("select count(*) from outbox_message where template = 'reply-to-response'"
        + " and recipient = 'craig@demo.carevoice.local' and text_body like ?", Integer.class,
        "%" + answered.reference() + "%")).isEqualTo(1);
  }

  @Test
  void afterTheAuthorsReply_theTeamAnswersAgain_withoutASecondAlert() throws Exception {
    Answered answered = answered("Answered twice");
    long alerts = jdbc.queryForObject("select count(*) from outbox_message where template = 'story-alert'", Long.class);
    String page = "/staff/stories/" + answered.reference() + "/respond";
    mvc.perform(get(page).with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user("craig")))
        .andExpect(content().string(containsString("Answer this story again")));
    mvc.perform(post("/staff/stories/" + answered.reference() + "/answer-again").with(csrf())
        .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user("aileen")))
        .andExpect(status().isConflict());

    mvc.perform(post("/staff/stories/" + answered.reference() + "/answer-again").with(csrf())
        .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user("craig")))
        .andExpect(redirectedUrl(page));
    // The new case's first save point runs on the job executor (off in tests).
    runtimeService.createProcessInstanceQuery().processDefinitionKey(ServiceResponse.PROCESS_KEY)
        .processInstanceBusinessKey(answered.reference()).list().forEach(driver::runSavePoints);
    mvc.perform(post(page).with(csrf()).with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user("craig"))
        .param("response", "Following your reply: the quiet room opens next month.").param("responderName", "Craig Wilson")
        .param("responderRole", "Charge Nurse").param("change", "none")).andExpect(redirectedUrl(page));
    ProcessInstance again = runtimeService.createProcessInstanceQuery().processDefinitionKey(ServiceResponse.PROCESS_KEY)
        .processInstanceBusinessKey(answered.reference()).singleResult();
    driver.runSavePoints(again);
    driver.submit(again, ServiceResponse.Elements.USER_TASK_MODERATE_RESPONSE, "morag", Map.of("responseDecision", "approve"));

    mvc.perform(get("/stories/" + answered.reference()))
        .andExpect(content().string(containsString("Following your reply: the quiet room opens next month.")));
    assertThat(jdbc.queryForObject("select count(*) from outbox_message where template = 'story-alert'", Long.class))
        .as("no second alert").isEqualTo(alerts);
  }

  @Test
  void declinedReply_isNotPublished_andTheAuthorIsTold() throws Exception {
    Answered answered = answered("Reply declined");
    mvc.perform(post("/my-story/" + answered.token() + "/responses/" + answered.responseId() + "/reply").with(csrf())
        .param("reply", "Not really a reply at all."));
    ProcessInstance reply = replyCase(answered.reference());
    driver.runSavePoints(reply);
    driver.submit(reply, AuthorReplyLifecycle.Elements.USER_TASK_MODERATE_REPLY, "iain", Map.of("replyDecision", "decline"));

    assertThat(reply).hasPassed(AuthorReplyLifecycle.Elements.END_REPLY_DECLINED).isEnded();
    assertThat(driver.templatesAbout(answered.reference())).contains("reply-declined");
    mvc.perform(get("/my-story/" + answered.token() + "/responses"))
        .andExpect(content().string(containsString("Your reply (not published)")));
  }

  @Test
  void withdrawal_erasesReplies_andEndsTheirModeration() throws Exception {
    Answered answered = answered("Reply then withdrawn");
    mvc.perform(post("/my-story/" + answered.token() + "/responses/" + answered.responseId() + "/reply").with(csrf())
        .param("reply", "A reply that will be erased."));
    ProcessInstance reply = replyCase(answered.reference());

    stories.withdraw(answered.token());

    assertThat(jdbc.queryForObject("select count(*) from author_reply where body like 'A reply that will be erased%'",
        Integer.class)).isZero();
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(reply.getId()).count()).isZero();
  }

  record Answered(String reference, String token, Long responseId) {}

  /** A published story whose one service has published a response. */
  private Answered answered(String title) {
    SubmittedStory submitted = testStories.submit(title);
    return new Answered(submitted.reference(), submitted.trackingToken(), Answering.answered(driver, jdbc, submitted));
  }

  private ProcessInstance replyCase(String reference) {
    return runtimeService.createProcessInstanceQuery().processDefinitionKey(AuthorReplyLifecycle.PROCESS_KEY)
        .processInstanceBusinessKey(reference).singleResult();
  }
}
