package org.carevoice.retention;

import java.time.Duration;
import java.time.Period;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How long each kind of personal data is kept ({@code carevoice.retention.*}; docs/privacy.md).
 *
 * @param authorContact the author's email and the private link's hash, after the story's case ended
 * @param storyText the text of rejected, withdrawn and closed-not-edited stories, after they ended
 * @param sentEmails sent emails in the outbox, after they were sent
 * @param digestItems the stories listed in sent digests, after the digest was sent; never shorter
 *     than {@code sentEmails}, so that a withdrawal can still rewrite each digest email
 * @param replyDrafts author replies that moderators declined, after they were written
 * @param batchSize the most rows of one kind a nightly run erases (a backlog drains over nights)
 * @param caseEndLookBack how far back each run reads the ends of cases from the engine's history
 */
@ConfigurationProperties("carevoice.retention")
public record RetentionProperties(Period authorContact, Period storyText, Period sentEmails, Period digestItems,
    Period replyDrafts, int batchSize, Duration caseEndLookBack) {

  public RetentionProperties {
    authorContact = authorContact == null ? Period.ofMonths(12) : authorContact;
    storyText = storyText == null ? Period.ofDays(90) : storyText;
    sentEmails = sentEmails == null ? Period.ofDays(90) : sentEmails;
    digestItems = digestItems == null ? sentEmails : digestItems;
    replyDrafts = replyDrafts == null ? Period.ofDays(90) : replyDrafts;
    batchSize = batchSize <= 0 ? 500 : batchSize;
    caseEndLookBack = caseEndLookBack == null ? Duration.ofDays(7) : caseEndLookBack;
    for (Period period : new Period[] {authorContact, storyText, sentEmails, digestItems, replyDrafts}) {
      if (period.isNegative() || period.isZero()) {
        throw new IllegalArgumentException("carevoice.retention: every period must be longer than zero, not " + period);
      }
    }
    if (approximateDays(digestItems) < approximateDays(sentEmails)) {
      throw new IllegalArgumentException("carevoice.retention.digest-items (" + digestItems
          + ") must not be shorter than sent-emails (" + sentEmails + "): a withdrawal rewrites sent digests from their items");
    }
  }

  private static long approximateDays(Period period) {
    return period.toTotalMonths() * 31 + period.getDays();
  }
}
