package org.carevoice.retention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Period;
import org.junit.jupiter.api.Test;

/** The retention policy's defaults, and the settings it refuses. */
class RetentionPropertiesTest {

  @Test
  void defaults_areTwelveMonthsForContactDetails_andNinetyDaysForTheRest() {
    RetentionProperties policy = new RetentionProperties(null, null, null, null, null, 0, null);
    assertThat(policy.authorContact()).isEqualTo(Period.ofMonths(12));
    assertThat(policy.storyText()).isEqualTo(Period.ofDays(90));
    assertThat(policy.sentEmails()).isEqualTo(Period.ofDays(90));
    assertThat(policy.digestItems()).isEqualTo(Period.ofDays(90));
    assertThat(policy.replyDrafts()).isEqualTo(Period.ofDays(90));
    assertThat(policy.batchSize()).isEqualTo(500);
    assertThat(policy.caseEndLookBack()).isEqualTo(Duration.ofDays(7));
  }

  @Test
  void digestItemsKeptShorterThanSentEmails_areRefused_forAWithdrawalRewritesSentDigestsFromThem() {
    assertThatThrownBy(() -> new RetentionProperties(null, null, Period.ofDays(90), Period.ofDays(30), null, 0, null))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("digest-items");
    assertThat(new RetentionProperties(null, null, Period.ofDays(30), null, null, 0, null).digestItems())
        .as("by default as long as sent emails").isEqualTo(Period.ofDays(30));
  }

  @Test
  void aZeroOrNegativePeriod_isRefused() {
    assertThatThrownBy(() -> new RetentionProperties(Period.ZERO, null, null, null, null, 0, null))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new RetentionProperties(null, Period.ofDays(-1), null, null, null, 0, null))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
