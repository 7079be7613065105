package org.carevoice.retention;

import org.carevoice.system.ProcessVariable;

/**
 * The constants of processes/data-retention.bpmn: the nightly run of the retention policy, one
 * service task per kind of personal data. The only place its ids appear in Java.
 */
public final class DataRetention {

  public static final String PROCESS_KEY = "data-retention";

  /** BPMN element ids, as in the model. */
  public static final class Elements {
    public static final String TIMER_START_NIGHTLY = "timerStartEvent_nightly";
    public static final String SERVICE_TASK_ERASE_AUTHOR_CONTACT = "serviceTask_eraseAuthorContact";
    public static final String SERVICE_TASK_ERASE_STORY_TEXT = "serviceTask_eraseStoryText";
    public static final String SERVICE_TASK_PURGE_SENT_EMAILS = "serviceTask_purgeSentEmails";
    public static final String SERVICE_TASK_PURGE_DIGEST_ITEMS = "serviceTask_purgeDigestItems";
    public static final String SERVICE_TASK_PURGE_REPLY_DRAFTS = "serviceTask_purgeReplyDrafts";
    public static final String END_RETENTION_APPLIED = "endEvent_retentionApplied";

    private Elements() {}
  }

  /** Process variables: how many rows of each kind the run erased. Counts only. */
  public static final class Vars {
    public static final ProcessVariable<Integer> ERASED_AUTHOR_CONTACTS =
        ProcessVariable.of("erasedAuthorContacts", Integer.class);
    public static final ProcessVariable<Integer> ERASED_STORY_TEXTS = ProcessVariable.of("erasedStoryTexts", Integer.class);
    public static final ProcessVariable<Integer> PURGED_SENT_EMAILS = ProcessVariable.of("purgedSentEmails", Integer.class);
    public static final ProcessVariable<Integer> PURGED_DIGEST_ITEMS = ProcessVariable.of("purgedDigestItems", Integer.class);
    public static final ProcessVariable<Integer> PURGED_REPLY_DRAFTS = ProcessVariable.of("purgedReplyDrafts", Integer.class);

    private Vars() {}
  }

  private DataRetention() {}
}
