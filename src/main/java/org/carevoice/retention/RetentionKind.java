package org.carevoice.retention;

/** The kinds of personal data the retention policy erases, as {@code retention_run.kind} records them. */
public enum RetentionKind {
  AUTHOR_CONTACT("author-contact"),
  STORY_TEXT("story-text"),
  SENT_EMAILS("sent-emails"),
  DIGEST_ITEMS("digest-items"),
  REPLY_DRAFTS("reply-drafts");

  private final String code;

  RetentionKind(String code) {
    this.code = code;
  }

  public String code() {
    return code;
  }
}
