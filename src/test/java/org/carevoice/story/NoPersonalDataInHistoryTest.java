package org.carevoice.story;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.sql.Blob;
import java.sql.Clob;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.carevoice.CarevoiceTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Camunda's history must never hold what an author wrote: story text, title, pseudonym or email.
 * Every path is walked the way Tasklist walks it (form variables read, form submitted), then every
 * row of every ACT_HI_* table, and every byte array, is searched for the author's words.
 */
@CarevoiceTest
class NoPersonalDataInHistoryTest {

  private static final String TITLE = "Title-Marker-9912 about my care";
  private static final String BODY = "Zebra-Marker-48213 " + TestStories.BODY + " " + "More words. ".repeat(600);
  private static final String PSEUDONYM = "Pseudo-Marker-5521";
  private static final String EMAIL = "marker.7731@example.org";
  private static final List<String> MARKERS = List.of("Title-Marker-9912", "Zebra-Marker-48213", PSEUDONYM, EMAIL);

  @Autowired TestStories testStories;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired FormService formService;
  @Autowired ManagementService managementService;
  @Autowired JdbcTemplate jdbc;

  @Test
  void approvedAndRejectedStories_leaveNoPersonalDataInHistory() {
    assertThat(BODY.length()).as("longer than Camunda's 4,000-character string column").isGreaterThan(4_000);

    walk(Map.of("decision", "approve", "criticality", "3"));
    walk(Map.of("decision", "reject", "criticality", "1", "rejectionReason", "DUPLICATE"));
    // A client that sends the displayed text back must not put it in history either.
    walk(Map.of("decision", "approve", "criticality", "0", "displayText", BODY, "displayTitle", TITLE));

    assertThat(historicRowCount()).as("history was written at all").isGreaterThan(20);
    assertThat(findMarkers()).isEmpty();
  }

  private void walk(Map<String, Object> submission) {
    SubmittedStory submitted = testStories.submit(TITLE, BODY, PSEUDONYM, EMAIL);
    ProcessInstance instance = runtimeService.createProcessInstanceQuery()
        .processInstanceBusinessKey(submitted.reference()).singleResult();
    runJobs(instance);
    Task task = taskService.createTaskQuery().processInstanceId(instance.getId()).singleResult();
    assertThat(formService.getTaskFormVariables(task.getId()).get("displayTitle")).isEqualTo(TITLE);
    taskService.claim(task.getId(), "morag");
    formService.submitTaskForm(task.getId(), submission);
    runJobs(instance);
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(instance.getId()).count()).isZero();
  }

  private void runJobs(ProcessInstance instance) {
    for (Job job : managementService.createJobQuery().processInstanceId(instance.getId()).list()) {
      managementService.executeJob(job.getId());
    }
  }

  private long historicRowCount() {
    return historyTables().stream()
        .mapToLong(table -> jdbc.queryForObject("select count(*) from " + table, Long.class)).sum();
  }

  private List<String> historyTables() {
    return jdbc.queryForList("select table_name from information_schema.tables where upper(table_name) like 'ACT\\_HI\\_%' escape '\\'",
        String.class);
  }

  private List<String> findMarkers() {
    List<String> tables = new ArrayList<>(historyTables());
    tables.add("ACT_GE_BYTEARRAY");
    List<String> found = new ArrayList<>();
    for (String table : tables) {
      for (Map<String, Object> row : jdbc.queryForList("select * from " + table)) {
        for (Map.Entry<String, Object> column : row.entrySet()) {
          String value = asText(column.getValue());
          for (String marker : MARKERS) {
            if (value.contains(marker)) {
              found.add(table + "." + column.getKey() + " contains " + marker);
            }
          }
        }
      }
    }
    return found;
  }

  private static String asText(Object value) {
    try {
      if (value == null) {
        return "";
      }
      if (value instanceof byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
      }
      if (value instanceof Blob blob) {
        return new String(blob.getBytes(1, (int) blob.length()), StandardCharsets.UTF_8);
      }
      if (value instanceof Clob clob) {
        return clob.getSubString(1, (int) clob.length());
      }
      return value.toString();
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException(e);
    }
  }
}
