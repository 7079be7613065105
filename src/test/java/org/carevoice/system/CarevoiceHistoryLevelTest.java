package org.carevoice.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import org.camunda.bpm.engine.impl.history.event.HistoryEventTypes;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.Test;

/** Which job log rows the history level writes (docs/architecture.md, "History, chosen per event"). */
class CarevoiceHistoryLevelTest {

  private final CarevoiceHistoryLevel level = new CarevoiceHistoryLevel();

  @Test
  void aCasesJobThatNeverFailed_leavesNoJobLog() {
    Job job = job("case-1", null);
    assertThat(level.isHistoryEventProduced(HistoryEventTypes.JOB_CREATE, job)).isFalse();
    assertThat(level.isHistoryEventProduced(HistoryEventTypes.JOB_SUCCESS, job)).isFalse();
    assertThat(level.isHistoryEventProduced(HistoryEventTypes.JOB_DELETE, job)).isFalse();
  }

  @Test
  void aFailure_andWhatFollowsIt_areLogged() {
    assertThat(level.isHistoryEventProduced(HistoryEventTypes.JOB_FAIL, job("case-1", null))).isTrue();
    Job failedBefore = job("case-1", "SMTP server refused");
    assertThat(level.isHistoryEventProduced(HistoryEventTypes.JOB_SUCCESS, failedBefore)).isTrue();
    assertThat(level.isHistoryEventProduced(HistoryEventTypes.JOB_DELETE, failedBefore)).isTrue();
  }

  @Test
  void jobsOfNoCase_keepTheirWholeLog() {
    Job cleanup = job(null, null);
    assertThat(level.isHistoryEventProduced(HistoryEventTypes.JOB_CREATE, cleanup)).isTrue();
    assertThat(level.isHistoryEventProduced(HistoryEventTypes.JOB_SUCCESS, cleanup)).isTrue();
  }

  @Test
  void everythingElse_isFullHistory() {
    assertThat(level.isHistoryEventProduced(HistoryEventTypes.ACTIVITY_INSTANCE_START, null)).isTrue();
    assertThat(level.isHistoryEventProduced(HistoryEventTypes.INCIDENT_CREATE, null)).isTrue();
    assertThat(level.isHistoryEventProduced(HistoryEventTypes.FORM_PROPERTY_UPDATE, null)).isFalse();
  }

  private static Job job(String processInstanceId, String exceptionMessage) {
    Job job = mock(Job.class);
    when(job.getProcessInstanceId()).thenReturn(processInstanceId);
    when(job.getExceptionMessage()).thenReturn(exceptionMessage);
    return job;
  }
}
