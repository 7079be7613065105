package org.carevoice.response;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.security.Principal;
import java.util.HashMap;
import java.util.Map;
import org.carevoice.story.Story;
import org.carevoice.story.StoryService;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * {@code /staff/stories/{ref}/respond}: where the alert email takes a member of staff. Shows the
 * published story and completes the same "Respond to story" task as Tasklist does.
 */
@Controller
class StaffResponseController {

  private final StoryService stories;
  private final ServiceResponseTasks tasks;
  private final ResponseService responses;
  private final org.carevoice.identity.StaffDirectory staff;

  StaffResponseController(StoryService stories, ServiceResponseTasks tasks, ResponseService responses,
      org.carevoice.identity.StaffDirectory staff) {
    this.stories = stories;
    this.tasks = tasks;
    this.responses = responses;
    this.staff = staff;
  }

  @GetMapping("/staff/stories/{reference}/respond")
  String form(@PathVariable String reference, Principal user, Model model) {
    Story story = published(reference);
    ServiceResponseTasks.OpenTask task = tasks.respondTask(reference, user.getName()).orElse(null);
    if (!model.containsAttribute("respondForm")) {
      model.addAttribute("respondForm", task != null && task.returned() ? draftForm(task.draft()) : new RespondForm());
    }
    return view(story, task, model);
  }

  /** A returned response comes back as it was sent, to be edited as the moderator's note asks. */
  private static RespondForm draftForm(ServiceResponseTasks.Draft draft) {
    RespondForm form = new RespondForm();
    form.setResponse(draft.response());
    form.setResponderName(draft.responderName());
    form.setResponderRole(draft.responderRole());
    if (draft.change() != null && RespondToStoryTaskListener.CHANGES.contains(draft.change())) {
      form.setChange(draft.change());
    }
    form.setChangeDescription(draft.changeDescription());
    return form;
  }

  @PostMapping("/staff/stories/{reference}/respond")
  String respond(@PathVariable String reference, @Valid @ModelAttribute("respondForm") RespondForm form,
      BindingResult errors, Principal user, Model model, RedirectAttributes redirect, HttpServletResponse response) {
    Story story = published(reference);
    ServiceResponseTasks.OpenTask task = tasks.respondTask(reference, user.getName()).orElse(null);
    if (task == null) {
      response.setStatus(HttpStatus.CONFLICT.value());
      return view(story, null, model);
    }
    if (!"none".equals(form.getChange()) && (form.getChangeDescription() == null || form.getChangeDescription().isBlank())) {
      errors.rejectValue("changeDescription", "respond.form.changeDescription.required");
    }
    if (errors.hasErrors()) {
      response.setStatus(HttpStatus.BAD_REQUEST.value());
      return view(story, task, model);
    }
    Map<String, Object> values = new HashMap<>();
    values.put(ServiceResponse.Vars.PRIVATE_RESPONSE.name(), form.getResponse());
    values.put(ServiceResponse.Vars.PRIVATE_RESPONDER_NAME.name(), form.getResponderName());
    values.put(ServiceResponse.Vars.PRIVATE_RESPONDER_ROLE.name(), form.getResponderRole());
    values.put(ServiceResponse.Vars.CHANGE.name(), form.getChange());
    values.put(ServiceResponse.Vars.PRIVATE_CHANGE_DESCRIPTION.name(),
        form.getChangeDescription() == null ? "" : form.getChangeDescription());
    try {
      tasks.respond(task, user.getName(), values);
    } catch (ServiceResponseTasks.ResponseRefusedException e) {
      response.setStatus(HttpStatus.CONFLICT.value());
      model.addAttribute("engineError", true);
      return view(story, task, model);
    }
    redirect.addFlashAttribute("responded", true);
    return "redirect:/staff/stories/" + reference + "/respond";
  }

  /** A team that already answered the story answers it again (after the author's reply, say). */
  @PostMapping("/staff/stories/{reference}/answer-again")
  String answerAgain(@PathVariable String reference, Principal user) {
    Story story = published(reference);
    boolean started = staff.groupsOf(user.getName()).stream()
        .anyMatch(group -> responses.answerAgain(story.getId(), group, story.getCriticality()));
    if (!started) {
      throw new ResponseStatusException(HttpStatus.CONFLICT, "Your teams have not answered this story yet");
    }
    return "redirect:/staff/stories/" + reference + "/respond";
  }

  private String view(Story story, ServiceResponseTasks.OpenTask task, Model model) {
    model.addAttribute("story", story);
    model.addAttribute("task", task);
    return "staff/respond";
  }

  private Story published(String reference) {
    return stories.findPublished(reference).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
  }
}
