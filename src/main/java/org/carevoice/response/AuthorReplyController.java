package org.carevoice.response;

import jakarta.servlet.http.HttpServletResponse;
import org.carevoice.story.Story;
import org.carevoice.story.StoryNotFoundException;
import org.carevoice.story.StoryService;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The author's private view of the responses to their story, where they reply. */
@Controller
class AuthorReplyController {

  private final StoryService stories;
  private final AuthorReplyService replies;

  AuthorReplyController(StoryService stories, AuthorReplyService replies) {
    this.stories = stories;
    this.replies = replies;
  }

  @GetMapping("/my-story/{token}/responses")
  String responses(@PathVariable String token, Model model) {
    return view(story(token), token, model);
  }

  @PostMapping("/my-story/{token}/responses/{responseId}/reply")
  String reply(@PathVariable String token, @PathVariable Long responseId, @RequestParam(defaultValue = "") String reply,
      Model model, RedirectAttributes redirect, HttpServletResponse response) {
    Story story = story(token);
    String text = reply.strip();
    if (text.isEmpty() || text.length() > AuthorReply.BODY_MAX) {
      response.setStatus(HttpStatus.BAD_REQUEST.value());
      model.addAttribute("replyError", responseId);
      model.addAttribute("replyText", reply);
      return view(story, token, model);
    }
    try {
      replies.reply(story, responseId, text);
    } catch (IllegalArgumentException e) {
      response.setStatus(HttpStatus.NOT_FOUND.value());
      return view(story, token, model);
    }
    redirect.addFlashAttribute("replied", true);
    return "redirect:/my-story/" + token + "/responses";
  }

  private String view(Story story, String token, Model model) {
    model.addAttribute("conversation", replies.conversation(story));
    model.addAttribute("token", token);
    return "stories/responses";
  }

  private Story story(String token) {
    return stories.findByTrackingToken(token).orElseThrow(StoryNotFoundException::new);
  }
}
