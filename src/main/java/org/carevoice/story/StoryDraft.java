package org.carevoice.story;

import jakarta.servlet.http.HttpSession;
import java.io.Serializable;

/**
 * The answers of a story being told, kept in the HTTP session between the steps of the form (never
 * in a URL) and removed once the story is sent.
 */
final class StoryDraft implements Serializable {

  private static final long serialVersionUID = 1L;
  private static final String ATTRIBUTE = StoryDraft.class.getName();

  private final StoryForm answers = new StoryForm();
  private boolean tagsSeen;

  /** The session's draft, started if there is none. */
  static StoryDraft of(HttpSession session) {
    StoryDraft draft = (StoryDraft) session.getAttribute(ATTRIBUTE);
    if (draft == null) {
      draft = new StoryDraft();
      session.setAttribute(ATTRIBUTE, draft);
    }
    return draft;
  }

  static void clear(HttpSession session) {
    session.removeAttribute(ATTRIBUTE);
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
    session.setAttribute(ATTRIBUTE, this);
  }
}
