package org.carevoice.moderation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.DecisionService;
import org.carevoice.CarevoiceTest;
import org.carevoice.story.StoryLifecycle;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** processes/story-urgency.dmn, rule by rule, as the process owner wrote it. */
@CarevoiceTest
class StoryUrgencyDecisionTest {

  @Autowired DecisionService decisions;

  @Test
  void safeguardingConcern_isImmediate_whateverElse() {
    assertThat(urgency(true, false, null)).isEqualTo("immediate");
    assertThat(urgency(true, true, 0)).isEqualTo("immediate");
  }

  @Test
  void stronglyOrSeverelyCritical_orAbusive_isHigh() {
    assertThat(urgency(false, false, 4)).isEqualTo("high");
    assertThat(urgency(false, false, 5)).isEqualTo("high");
    assertThat(urgency(false, true, null)).isEqualTo("high");
  }

  @Test
  void everythingElse_isRoutine_includingBeforeModeration() {
    assertThat(urgency(false, false, null)).isEqualTo("routine");
    assertThat(urgency(false, false, 3)).isEqualTo("routine");
  }

  private String urgency(boolean safeguarding, boolean abusive, Integer criticality) {
    Map<String, Object> inputs = new HashMap<>();
    inputs.put("safeguardingFlag", safeguarding);
    inputs.put("abusiveFlag", abusive);
    if (criticality != null) {
      inputs.put("criticality", criticality);
    }
    return decisions.evaluateDecisionTableByKey(StoryLifecycle.URGENCY_DECISION, inputs).getSingleEntry();
  }
}
