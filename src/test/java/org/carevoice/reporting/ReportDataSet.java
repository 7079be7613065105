package org.carevoice.reporting;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.carevoice.organisation.CareService;
import org.carevoice.organisation.Organisation;
import org.carevoice.organisation.OrganisationService;
import org.carevoice.organisation.ServiceType;
import org.carevoice.organisation.Site;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A known data set for the reports, written straight into the tables: the "Report Test Board"
 * with two sites and three services, twelve stories around June 2025 (boundaries on the last
 * evening of May and of June, in British Summer Time), their cases, tags, responses, shares and
 * recognition, and one story of another organisation that no figure of the board may count.
 * Every expected figure is worked out by hand in {@link ReportFiguresTest}'s comments.
 */
public final class ReportDataSet {

  static final String ORGANISATION = "rt-board";
  static final String SITE_A = "rt-site-a";
  static final String SITE_B = "rt-site-b";
  static final String A1 = "rt-a1";
  static final String A2 = "rt-a2";
  static final String B1 = "rt-b1";
  static final String MANAGERS_A = "managers-rt-a";
  static final String MANAGERS_B = "managers-rt-b";
  /** The story overdue now (A2), and the one outside the board. */
  static final String OVERDUE_REFERENCE = "CV-2025-9000003";
  static final String OUTSIDE_REFERENCE = "CV-2025-9000012";
  static final LocalDate JUNE = LocalDate.of(2025, 6, 1);

  private static final long FIRST_ID = 9_000_000L;

  private ReportDataSet() {}

  /** Writes the data set once (a second call finds it and does nothing). */
  public static void load(JdbcTemplate jdbc, OrganisationService organisation) {
    Organisation board = organisation.addOrganisation(ORGANISATION, "Report Test Board");
    Site siteA = organisation.addSite(board, SITE_A, "Report Test Hospital A");
    Site siteB = organisation.addSite(board, SITE_B, "Report Test Hospital B");
    long a1 = organisation.addService(siteA, A1, "Ward A1", ServiceType.WARD, "responders-rt-a1", MANAGERS_A).getId();
    long a2 = organisation.addService(siteA, A2, "Ward A2", ServiceType.WARD, "responders-rt-a2", MANAGERS_A).getId();
    long b1 = organisation.addService(siteB, B1, "Clinic B1", ServiceType.OUTPATIENTS, "responders-rt-b1", MANAGERS_B)
        .getId();
    CareService outside = organisation.allServices().stream().filter(s -> !s.getSlug().startsWith("rt-")).findFirst()
        .orElseThrow();
    if (jdbc.queryForObject("select count(*) from story where id = ?", Long.class, FIRST_ID + 1) > 0) {
      return;
    }
    // n, services, status, submitted, published, decided, ended, criticality, channel, relationship, tags
    story(jdbc, 1, List.of(a1), "PUBLISHED", "2025-06-02T10:00:00Z", "2025-06-03T10:00:00Z", 4, "WEB", "PATIENT",
        "good:kind-staff", "improve:waiting-time", "felt:anxious");
    story(jdbc, 2, List.of(a1), "PUBLISHED", "2025-06-10T09:00:00Z", "2025-06-11T09:00:00Z", 1, "PHONE", "CARER",
        "good:kind-staff", "felt:grateful");
    story(jdbc, 3, List.of(a2), "PUBLISHED", "2025-06-15T12:00:00Z", "2025-06-16T12:00:00Z", 5, "WEB", "RELATIVE",
        "improve:communication");
    story(jdbc, 4, List.of(a1, b1), "PUBLISHED", "2025-06-20T08:00:00Z", "2025-06-21T08:00:00Z", 2, "PAPER",
        "PATIENT", "improve:waiting-time");
    story(jdbc, 5, List.of(a2), "REJECTED", "2025-06-05T08:00:00Z", null, 0, "WEB", "PATIENT");
    jdbc.update("update story set decided_at = ?, ended_at = ?, rejection_reason = 'off-topic' where id = ?",
        at("2025-06-06T08:00:00Z"), at("2025-06-06T08:00:00Z"), FIRST_ID + 5);
    story(jdbc, 6, List.of(a1), "WITHDRAWN", "2025-06-07T08:00:00Z", "2025-06-08T08:00:00Z", 3, "WEB", "FRIEND");
    jdbc.update("update story set ended_at = ? where id = ?", at("2025-06-12T08:00:00Z"), FIRST_ID + 6);
    // 23:30 and 23:45 on 30 June in Scotland (BST): still June.
    story(jdbc, 7, List.of(a1), "PUBLISHED", "2025-06-30T22:30:00Z", "2025-06-30T22:45:00Z", 0, "WEB",
        "SERVICE_USER", "good:listened");
    // 00:10 on 1 July in Scotland: July.
    story(jdbc, 8, List.of(a1), "PUBLISHED", "2025-06-30T23:10:00Z", "2025-07-01T09:00:00Z", 4, "WEB", "PATIENT");
    // 23:30 and 23:50 on 31 May in Scotland: May.
    story(jdbc, 9, List.of(a2), "PUBLISHED", "2025-05-31T22:30:00Z", "2025-05-31T22:50:00Z", 5, "WEB", "PATIENT",
        "improve:food");
    story(jdbc, 10, List.of(b1), "PUBLISHED", "2025-06-12T10:00:00Z", "2025-06-13T10:00:00Z", 3, "WEB", "PATIENT",
        "felt:frustrated");
    story(jdbc, 11, List.of(b1), "SUBMITTED", "2025-06-28T10:00:00Z", null, null, "WEB", "PATIENT");
    story(jdbc, 12, List.of(outside.getId()), "PUBLISHED", "2025-06-09T10:00:00Z", "2025-06-10T10:00:00Z", 5, "WEB",
        "PATIENT", "improve:waiting-time");

    // Cases: story, service, opened, due, escalation due, overdue, reminded, escalated, first response.
    serviceCase(jdbc, 1, a1, "2025-06-03T10:00:00Z", null, null, "2025-06-04T10:00:00Z");
    serviceCase(jdbc, 2, a1, "2025-06-11T09:00:00Z", null, null, "2025-06-13T09:00:00Z");
    serviceCase(jdbc, 3, a2, "2025-06-16T12:00:00Z", "2025-06-25T12:00:00Z", "2025-06-20T12:00:00Z", null);
    jdbc.update("update service_case set reminded_at = ?, response_due_at = ?, escalation_due_at = ? where story_id = ?",
        at("2025-06-18T12:00:00Z"), at("2025-06-18T12:00:00Z"), at("2025-06-20T12:00:00Z"), FIRST_ID + 3);
    serviceCase(jdbc, 4, a1, "2025-06-21T08:00:00Z", null, null, "2025-06-25T08:00:00Z");
    serviceCase(jdbc, 4, b1, "2025-06-21T08:00:00Z", null, null, "2025-06-21T20:00:00Z");
    // Story 6 was withdrawn: its case went with it.
    serviceCase(jdbc, 7, a1, "2025-06-30T22:45:00Z", "2099-01-01T00:00:00Z", null, null);
    serviceCase(jdbc, 8, a1, "2025-07-01T09:00:00Z", null, null, "2025-07-01T15:00:00Z");
    serviceCase(jdbc, 9, a2, "2025-05-31T22:50:00Z", null, "2025-06-01T10:00:00Z", "2025-06-02T10:00:00Z");
    serviceCase(jdbc, 10, b1, "2025-06-13T10:00:00Z", null, null, "2025-06-14T16:00:00Z");
    serviceCase(jdbc, 12, outside.getId(), "2025-06-10T10:00:00Z", "2025-06-12T10:00:00Z", "2025-06-11T10:00:00Z",
        null);

    // Responses (the first of each answered case): changes planned, made, and an update awaiting moderation.
    response(jdbc, 1, 1, a1, "2025-06-04T10:00:00Z", "planned", null, null);
    response(jdbc, 2, 2, a1, "2025-06-13T09:00:00Z", "made", "2025-06-13T09:00:00Z", null);
    response(jdbc, 3, 4, a1, "2025-06-25T08:00:00Z", null, null, null);
    response(jdbc, 4, 4, b1, "2025-06-21T20:00:00Z", null, null, null);
    response(jdbc, 5, 8, a1, "2025-07-01T15:00:00Z", null, null, null);
    // Answered in June with a change planned; the update "made" was published on 20 June.
    response(jdbc, 6, 9, a2, "2025-06-02T10:00:00Z", "made", "2025-06-20T10:00:00Z", null);
    response(jdbc, 7, 10, b1, "2025-06-14T16:00:00Z", "planned", null, "The new booking line is open");

    jdbc.update("insert into story_share (id, story_id, shared_by, shared_with_group, recipients, shared_at)"
        + " values (?, ?, 'rt.manager', 'responders-rt-a1', 3, ?)", FIRST_ID + 1, FIRST_ID + 1, at("2025-06-05T10:00:00Z"));
    jdbc.update("insert into story_share (id, story_id, shared_by, shared_with_user, recipients, shared_at)"
        + " values (?, ?, 'rt.manager', 'someone', 1, ?)", FIRST_ID + 2, FIRST_ID + 2, at("2025-07-02T10:00:00Z"));
    jdbc.update("insert into story_share (id, story_id, shared_by, shared_with_group, recipients, shared_at)"
        + " values (?, ?, 'admin', 'responders-x', 2, ?)", FIRST_ID + 3, FIRST_ID + 12, at("2025-06-10T11:00:00Z"));
    jdbc.update("insert into staff_recognition (id, story_id, service_id, recognised_by, recognised_at)"
        + " values (?, ?, ?, 'rt.manager', ?)", FIRST_ID + 1, FIRST_ID + 2, a1, at("2025-06-14T10:00:00Z"));
    jdbc.update("insert into staff_recognition (id, story_id, service_id, recognised_by, recognised_at)"
        + " values (?, ?, ?, 'admin', ?)", FIRST_ID + 2, FIRST_ID + 12, outside.getId(), at("2025-06-15T10:00:00Z"));
  }

  private static void story(JdbcTemplate jdbc, int n, List<Long> services, String status, String submitted,
      String published, Integer criticality, String channel, String relationship, String... tags) {
    long id = FIRST_ID + n;
    jdbc.update("insert into story (id, version, reference, title, body, relationship, happened_in, status, criticality,"
        + " channel, tracking_token_hash, submitted_at, decided_at, published_at, updated_at, ended_at)"
        + " values (?, 0, ?, ?, 'A story of the reports test data.', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", id,
        String.format("CV-2025-%07d", id - FIRST_ID + 9_000_000), "Report test story " + n, relationship,
        LocalDate.of(2025, 5, 1), status, criticality, channel, String.format("%064d", id), at(submitted),
        at(published), at(published), at(submitted), at(published));
    for (Long service : services) {
      jdbc.update("insert into story_service (story_id, service_id) values (?, ?)", id, service);
    }
    for (String tag : tags) {
      jdbc.update("insert into story_tag (story_id, tag) values (?, ?)", id, tag);
    }
  }

  private static void serviceCase(JdbcTemplate jdbc, int n, long service, String opened, String overdue,
      String escalated, String firstResponse) {
    jdbc.update("insert into service_case (story_id, service_id, opened_at, overdue_at, escalated_at, first_response_at)"
        + " values (?, ?, ?, ?, ?, ?)", FIRST_ID + n, service, at(opened), at(overdue), at(escalated), at(firstResponse));
  }

  private static void response(JdbcTemplate jdbc, int n, int story, long service, String published, String change,
      String changeMade, String pending) {
    jdbc.update("insert into response (id, story_id, service_id, body, responder_name, responder_role, created_at,"
        + " published_at, status, change_type, change_made_at, pending_change)"
        + " values (?, ?, ?, 'Thank you.', 'Report Tester', 'Charge Nurse', ?, ?, 'PUBLISHED', ?, ?, ?)",
        FIRST_ID + n, FIRST_ID + story, service, at(published), at(published), change, at(changeMade), pending);
  }

  private static OffsetDateTime at(String instant) {
    return instant == null ? null : Instant.parse(instant).atOffset(ZoneOffset.UTC);
  }
}
