package org.carevoice.identity;

import java.util.List;

/** The Camunda groups of Carevoice's roles. Service teams' groups are named by their services. */
public final class StaffGroups {

  /** Camunda's administrators' group: members bypass authorization checks. */
  public static final String ADMINS = "camunda-admin";
  public static final String MODERATORS = "moderators";
  public static final String MODERATION_LEADS = "moderation-leads";
  public static final String SAFEGUARDING = "safeguarding";
  /** Change decision tables from Camunda Modeler and follow versions in Cockpit; see no case. */
  public static final String PROCESS_OWNERS = "process-owners";
  /**
   * Data-protection officers: answer subject-access and erasure requests and read the access log on
   * the staff pages under /staff/data-protection; no case, task or webapp access.
   */
  public static final String DATA_PROTECTION = "data-protection";
  /** Operators' scrape users: read /actuator/prometheus and the health details; no staff page, case or task. */
  public static final String MONITORING = "monitoring";

  /** The role groups that exist in every installation, with their display names. */
  static final List<String[]> ROLE_GROUPS = List.of(
      new String[] {MODERATORS, "Moderators"},
      new String[] {MODERATION_LEADS, "Moderation leads"},
      new String[] {SAFEGUARDING, "Safeguarding leads"});

  private StaffGroups() {}
}
