package org.carevoice.earlywarning;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.engine.DecisionService;
import org.carevoice.CarevoiceTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** processes/early-warning.dmn, each threshold at its edges: just under, at, above. */
@CarevoiceTest
class EarlyWarningDecisionTest {

  @Autowired DecisionService decisions;

  @Test
  void criticalStories_fireFromThreeInAWeek() {
    assertThat(fired("critical-stories", null, 2, null, null)).isEmpty();
    assertThat(fired("critical-stories", null, 3, null, null)).singleElement().satisfies(rule -> {
      assertThat(rule.get(EarlyWarning.Outputs.THRESHOLD)).isEqualTo(
          "3 or more strongly or severely critical stories published in 7 days");
      assertThat(rule.get(EarlyWarning.Outputs.QUIET_DAYS)).isEqualTo(7);
    });
    assertThat(fired("critical-stories", null, 4, null, null)).hasSize(1);
  }

  @Test
  void risingImproveTag_firesFromThreeStories_andARiseOfTwentyPoints() {
    assertThat(fired("rising-improve-tag", "improve:food", 2, 60.0, 10.0)).as("too few stories").isEmpty();
    assertThat(fired("rising-improve-tag", "improve:food", 3, 39.9, 20.0)).as("rise 19.9").isEmpty();
    assertThat(fired("rising-improve-tag", "improve:food", 3, 40.0, 20.0)).as("rise 20").singleElement()
        .satisfies(rule -> assertThat(rule.get(EarlyWarning.Outputs.QUIET_DAYS)).isEqualTo(28));
    assertThat(fired("rising-improve-tag", "improve:food", 4, 42.9, 20.0)).as("rise 22.9").hasSize(1);
    assertThat(fired("rising-improve-tag", "improve:food", 10, 80.0, null)).as("nothing to compare with").isEmpty();
    assertThat(fired("rising-improve-tag", "improve:food", 10, 30.0, 40.0)).as("a fall").isEmpty();
  }

  @Test
  void overdueInARow_firesFromThreeCases() {
    assertThat(fired("overdue-in-a-row", null, 2, 100.0, 0.0)).isEmpty();
    assertThat(fired("overdue-in-a-row", null, 3, 60.0, 0.0)).singleElement()
        .satisfies(rule -> assertThat(rule.get(EarlyWarning.Outputs.QUIET_DAYS)).isEqualTo(14));
    assertThat(fired("overdue-in-a-row", null, 7, 100.0, 100.0)).hasSize(1);
  }

  @Test
  void aSignalsRule_neverFiresForAnother() {
    assertThat(fired("critical-stories", null, 9, 90.0, 0.0)).hasSize(1);
    assertThat(fired("overdue-in-a-row", null, 9, 90.0, 0.0)).hasSize(1);
    assertThat(fired("rising-improve-tag", "improve:food", 9, 90.0, 0.0)).hasSize(1)
        .allSatisfy(rule -> assertThat(rule.get(EarlyWarning.Outputs.THRESHOLD).toString()).contains("tag"));
  }

  private List<Map<String, Object>> fired(String signal, String tag, int count, Double shareNow, Double shareBefore) {
    Map<String, Object> inputs = new HashMap<>();
    inputs.put("signal", signal);
    inputs.put("tag", tag);
    inputs.put("serviceType", "WARD");
    inputs.put("count", count);
    inputs.put("shareNow", shareNow);
    inputs.put("shareBefore", shareBefore);
    DmnDecisionResult result = decisions.evaluateDecisionByKey(EarlyWarning.DECISION).variables(inputs).evaluate();
    return result.getResultList();
  }
}
