package org.carevoice.story;

import jakarta.servlet.http.HttpSession;
import java.io.Serializable;

/**
 * The answers of a story being told, kept in the HTTP session between the steps of the form (never
 * in a URL) and removed once the story is sent. Each {@link StoryFlow} has its own draft, so a
 * member of staff entering a paper story and their own story as a patient never mix.
 */
final class StoryDraft implements Serializable {

  private static final long serialVersionUID = 1L;
  private static final String ATTRIBUTE = StoryDraft.class.getName() + ".";

  private final StoryForm answers = new StoryForm();
  private boolean tagsSeen;

  private final String attribute;

  private StoryDraft(StoryFlow flow) {
    this.attribute = ATTRIBUTE + flow.id();
  }

  /** The session's draft in this flow, started if there is none. */
  static StoryDraft of(HttpSession session, StoryFlow flow) {
    StoryDraft draft = (StoryDraft) session.getAttribute(ATTRIBUTE + flow.id());
    if (draft == null) {
      draft = new StoryDraft(flow);
      session.setAttribute(draft.attribute, draft);
    }
    return draft;
  }

  static void clear(HttpSession session, StoryFlow flow) {
    session.removeAttribute(ATTRIBUTE + flow.id());
  }

  StoryForm answers() {
    return answers;
  }

  boolean isTagsSeen() {
    return tagsSeen;
  }

  /** Keeps one step's answers; written back to the session so a replicated session sees the change. */
  void take(FormStep step, StoryForm answered, HttpSession session) {
    answers.takeAnswers(step, answered);
    if (step == FormStep.TAGS) {
      tagsSeen = true;
    }
    session.setAttribute(attribute, this);
  }
}
