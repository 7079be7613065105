package org.carevoice.identity;

import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.TaskQuery;
import org.carevoice.organisation.CareService;
import org.carevoice.organisation.OrganisationService;
import org.carevoice.response.AuthorReplyLifecycle;
import org.carevoice.response.ResponseChangeLifecycle;
import org.carevoice.response.ServiceResponse;
import org.carevoice.story.StoryLifecycle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.carevoice.system.TaskCard;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Makes sure, at every start, that the groups of every role exist with the authorizations they
 * need to work in Tasklist and Cockpit, that Tasklist has its filters, and that the {@code
 * camunda-admin} group has a direct member.
 *
 * <p>Grants are per process definition where a role works every task of it, per task or per case
 * where it must be narrower (a service's team, the safeguarding leads); the matrix is in
 * docs/security.md ("Who sees what in Tasklist and Cockpit"). Grants of earlier versions that it
 * supersedes, and the moderators' rows per task, are removed at start-up.
 *
 * <p>An administrator group without a member lets anyone who reaches the Admin webapp create the
 * first administrator (CVE-2026-77226 in Camunda 7.24.0), so Carevoice refuses to start without
 * one. Everything here is idempotent: what exists is left as it is.
 */
@Component
@Order(StartupOrder.ACCESS)
class CamundaAccessSetup implements ApplicationRunner {

  static final String FILTER_MY_TASKS = "My tasks";
  static final String FILTER_MODERATION = "Stories to moderate";

  /**
   * Work every task of a definition: see it, claim and complete it, read its form (the story text
   * is in task-local variables, readable only with READ_TASK_VARIABLE), and the variables of its
   * cases (READ_INSTANCE_VARIABLE: with variable permissions on, the engine's variable query —
   * which Tasklist uses for the reference, services and urgency on each card — checks this one).
   * The people who hold it read these stories' text in their forms anyway.
   */
  static final Permission[] WORK = {ProcessDefinitionPermissions.READ, ProcessDefinitionPermissions.READ_TASK,
      ProcessDefinitionPermissions.TASK_WORK, ProcessDefinitionPermissions.READ_TASK_VARIABLE,
      ProcessDefinitionPermissions.READ_INSTANCE_VARIABLE};

  /** Follow every case of a definition in Cockpit: states, timers, incidents, history; no variables. */
  static final Permission[] FOLLOW = {ProcessDefinitionPermissions.READ, ProcessDefinitionPermissions.READ_INSTANCE,
      ProcessDefinitionPermissions.READ_HISTORY};

  /** The model only (Cockpit's list of definitions, the diagram): no case, task or variable. */
  static final Permission[] MODEL = {ProcessDefinitionPermissions.READ};

  /**
   * Processes whose every task is moderators' work: one grant per definition, no rows per task
   * (DefinitionGrantAuthorizationProvider). "Moderate response" in service-response is granted per
   * task instead: the other tasks of that definition are the services' own.
   */
  static final List<String> MODERATED_PROCESSES = List.of(StoryLifecycle.PROCESS_KEY, AuthorReplyLifecycle.PROCESS_KEY,
      ResponseChangeLifecycle.PROCESS_KEY);

  /** Every process, for the moderation leads who follow them all in Cockpit. */
  static final List<String> ALL_PROCESSES = List.of(StoryLifecycle.PROCESS_KEY, ServiceResponse.PROCESS_KEY,
      AuthorReplyLifecycle.PROCESS_KEY, ResponseChangeLifecycle.PROCESS_KEY);

  /**
   * Runs that hold counts only (no story, no variable of a person), which service managers and
   * moderation leads follow in Cockpit: the nightly retention run (retention.DataRetention.PROCESS_KEY,
   * named here as identity may not depend on the features that depend on it).
   */
  static final List<String> RUNS_FOLLOWED_BY_MANAGERS = List.of("data-retention");

  /** Follow a run in Cockpit with its variables, which for these runs are counts only. */
  static final Permission[] FOLLOW_WITH_COUNTS = {ProcessDefinitionPermissions.READ,
      ProcessDefinitionPermissions.READ_INSTANCE, ProcessDefinitionPermissions.READ_HISTORY,
      ProcessDefinitionPermissions.READ_INSTANCE_VARIABLE, ProcessDefinitionPermissions.READ_HISTORY_VARIABLE};

  private static final Logger LOG = LoggerFactory.getLogger(CamundaAccessSetup.class);

  private final IdentityService identity;
  private final AuthorizationService authorizations;
  private final FilterService filters;
  private final TaskService tasks;
  private final OrganisationService organisation;
  private final IdentityProperties properties;
  private final JdbcTemplate jdbc;

  CamundaAccessSetup(IdentityService identity, AuthorizationService authorizations, FilterService filters,
      TaskService tasks, OrganisationService organisation, IdentityProperties properties, JdbcTemplate jdbc) {
    this.identity = identity;
    this.authorizations = authorizations;
    this.filters = filters;
    this.tasks = tasks;
    this.organisation = organisation;
    this.properties = properties;
    this.jdbc = jdbc;
  }

  @Override
  public void run(ApplicationArguments args) {
    setUp();
  }

  void setUp() {
    ensureGroup(StaffGroups.ADMINS, "Camunda administrators", "SYSTEM");
    // Administrators may do everything: Camunda checks their queries like anyone else's.
    for (Resources resource : Resources.values()) {
      grant(StaffGroups.ADMINS, resource, Authorization.ANY, Permissions.ALL);
    }
    ensureAdministrator();
    requireAdministrator();

    Map<String, String> tasklistGroups = new LinkedHashMap<>();
    StaffGroups.ROLE_GROUPS.forEach(group -> tasklistGroups.put(group[0], group[1]));
    Map<String, String> managerGroups = new LinkedHashMap<>();
    for (CareService service : organisation.allServices()) {
      tasklistGroups.putIfAbsent(service.getResponderGroup(), "Responders: " + service.getFullName());
      managerGroups.putIfAbsent(service.getManagerGroup(), "Managers: " + service.getSite().getName());
    }
    managerGroups.forEach(tasklistGroups::putIfAbsent);

    tasklistGroups.forEach((id, name) -> {
      ensureGroup(id, name, "WORKFLOW");
      grant(id, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
    });
    grantWork(managerGroups.keySet());
    removeSupersededGrants(managerGroups.keySet());
    removeRowsPerTaskCoveredByDefinitions();
    ensureFilters(tasklistGroups.keySet().stream().toList());
    Map<String, String> teams = new LinkedHashMap<>(tasklistGroups);
    teams.remove(StaffGroups.MODERATORS);
    teams.remove(StaffGroups.MODERATION_LEADS);
    ensureTeamFilters(teams);
    setUpProcessOwners();
    // A role group for the staff pages only: no webapp, no definition, no case.
    ensureGroup(StaffGroups.DATA_PROTECTION, "Data protection", "WORKFLOW");
    // Scrape users for /actuator/prometheus (docs/operations.md, "Metrics and health"): no webapp, no case.
    ensureGroup(StaffGroups.MONITORING, "Monitoring", "SYSTEM");
  }

  /**
   * Process owners deploy changed decision tables from Camunda Modeler and follow the versions in
   * Cockpit (docs/process-owners.md, ADR 0003). Each grant, and why; nothing else:
   *
   * <ul>
   *   <li>deployments, CREATE: Modeler's Deploy button ({@code POST /engine-rest/deployment/create});
   *       {@link DeploymentGuard} admits FEEL decision tables only. READ: Modeler's connection check
   *       and Cockpit's Deployments page. No DELETE: a wrong table is put right by deploying a
   *       corrected one (the engine itself lets a user delete the deployments they made).
   *   <li>decision definitions, READ: the tables and their versions in Cockpit; READ_HISTORY: each
   *       evaluation's inputs and outputs (criticality, flags, days: no personal data, ADR 0002),
   *       to see the next story use a change. Decision requirements, READ: a DMN with several tables.
   *   <li>process definitions, READ: the processes, their versions and diagrams in Cockpit; no
   *       instance, task, variable or history of any case.
   *   <li>Cockpit, ACCESS. Not Tasklist (they have no tasks) nor Admin (they manage no one).
   * </ul>
   */
  private void setUpProcessOwners() {
    String owners = StaffGroups.PROCESS_OWNERS;
    ensureGroup(owners, "Process owners", "WORKFLOW");
    grant(owners, Resources.APPLICATION, "cockpit", Permissions.ACCESS);
    grant(owners, Resources.DEPLOYMENT, Authorization.ANY, Permissions.CREATE, Permissions.READ);
    grant(owners, Resources.DECISION_DEFINITION, Authorization.ANY, Permissions.READ, Permissions.READ_HISTORY);
    grant(owners, Resources.DECISION_REQUIREMENTS_DEFINITION, Authorization.ANY, Permissions.READ);
    grant(owners, Resources.PROCESS_DEFINITION, Authorization.ANY, ProcessDefinitionPermissions.READ);
  }

  /**
   * A filter per team whose tasks are granted task by task (a service's responders or managers,
   * the safeguarding leads), first in its members' Tasklist: the team's tasks by candidate group,
   * claimed ones included. "My tasks" shows them too, but to find a team's ten tasks among
   * 100,000 others the database must compare every task with the team's rows; the candidate group
   * finds them through its index (docs/performance.md, "Tasklist at volume").
   */
  private void ensureTeamFilters(Map<String, String> teams) {
    teams.forEach((group, name) -> {
      Filter team = ensureFilter(name, -20, "Tasks for your team",
          tasks.createTaskQuery().taskCandidateGroup(group).includeAssignedTasks());
      grant(group, Resources.FILTER, team.getId(), Permissions.READ);
    });
  }

  /**
   * Each role's grants on the process definitions, exactly (docs/security.md, "Who sees what in
   * Tasklist and Cockpit"). A service's responders, its managers and the safeguarding leads get no
   * grant on a definition's cases or tasks (managers its model, to open it in Cockpit): their tasks
   * carry rows of their own, and a manager's cases are opened to him one by one ({@link
   * CaseAccess}), so that none sees another service's work.
   */
  private void grantWork(java.util.Collection<String> managerGroups) {
    for (String key : MODERATED_PROCESSES) {
      grantExactly(StaffGroups.MODERATORS, Resources.PROCESS_DEFINITION, key, WORK);
    }
    grant(StaffGroups.MODERATION_LEADS, Resources.APPLICATION, "cockpit", Permissions.ACCESS);
    for (String key : ALL_PROCESSES) {
      grantExactly(StaffGroups.MODERATION_LEADS, Resources.PROCESS_DEFINITION, key, FOLLOW);
    }
    for (String manager : managerGroups) {
      grant(manager, Resources.APPLICATION, "cockpit", Permissions.ACCESS);
      grantExactly(manager, Resources.PROCESS_DEFINITION, ServiceResponse.PROCESS_KEY, MODEL);
    }
    for (String key : RUNS_FOLLOWED_BY_MANAGERS) {
      grantExactly(StaffGroups.MODERATION_LEADS, Resources.PROCESS_DEFINITION, key, FOLLOW_WITH_COUNTS);
      for (String manager : managerGroups) {
        grantExactly(manager, Resources.PROCESS_DEFINITION, key, FOLLOW_WITH_COUNTS);
      }
    }
  }

  /**
   * Grants of earlier versions that let managers read every story's case, task and variable (the
   * story text of "Moderate story" among them), and leads every deployment and decision.
   */
  private void removeSupersededGrants(java.util.Collection<String> managerGroups) {
    List<String> followers = new java.util.ArrayList<>(managerGroups);
    followers.add(StaffGroups.MODERATION_LEADS);
    for (String group : followers) {
      removeGrant(group, Resources.PROCESS_INSTANCE, "*");
      removeGrant(group, Resources.DECISION_DEFINITION, "*");
      removeGrant(group, Resources.DEPLOYMENT, "*");
    }
    for (String manager : managerGroups) {
      removeGrant(manager, Resources.PROCESS_DEFINITION, StoryLifecycle.PROCESS_KEY);
    }
  }

  /**
   * Earlier versions (Camunda's default provider) wrote a row for the moderators on every task they
   * were candidates of; their definition-level grant makes those redundant, and each of them slowed
   * every moderator's task list. Removed in one statement per definition, at every start (none is
   * left after the first).
   */
  private void removeRowsPerTaskCoveredByDefinitions() {
    int removed = 0;
    for (String key : MODERATED_PROCESSES) {
      removed += jdbc.update("delete from ACT_RU_AUTHORIZATION where TYPE_ = ? and GROUP_ID_ = ? and RESOURCE_TYPE_ = ?"
              + " and RESOURCE_ID_ in (select T.ID_ from ACT_RU_TASK T join ACT_RE_PROCDEF D on D.ID_ = T.PROC_DEF_ID_"
              + " where D.KEY_ = ?)",
          AUTH_TYPE_GRANT, StaffGroups.MODERATORS, Resources.TASK.resourceType(), key);
    }
    if (removed > 0) {
      LOG.info("Removed {} task authorizations of the moderators covered by their grants on the process definitions",
          removed);
    }
  }

  /** The group holds exactly these permissions on the resource: any other permission is taken away. */
  private void grantExactly(String groupId, Resource resource, String resourceId, Permission... permissions) {
    Authorization existing = authorizations.createAuthorizationQuery()
        .authorizationType(AUTH_TYPE_GRANT).groupIdIn(groupId).resourceType(resource).resourceId(resourceId)
        .singleResult();
    int wanted = 0;
    for (Permission permission : permissions) {
      wanted |= permission.getValue();
    }
    if (existing != null && permissionBits(existing, resource) == wanted) {
      return;
    }
    Authorization authorization = existing != null ? existing : authorizations.createNewAuthorization(AUTH_TYPE_GRANT);
    authorization.setGroupId(groupId);
    authorization.setResource(resource);
    authorization.setResourceId(resourceId);
    authorization.setPermissions(permissions);
    authorizations.saveAuthorization(authorization);
  }

  private static int permissionBits(Authorization authorization, Resource resource) {
    int bits = 0;
    for (Permission permission : authorization.getPermissions(
        org.camunda.bpm.engine.impl.util.ResourceTypeUtil.getPermissionsByResourceType(resource.resourceType()))) {
      bits |= permission.getValue();
    }
    return bits;
  }

  private void removeGrant(String groupId, Resource resource, String resourceId) {
    Authorization existing = authorizations.createAuthorizationQuery()
        .authorizationType(AUTH_TYPE_GRANT).groupIdIn(groupId).resourceType(resource).resourceId(resourceId)
        .singleResult();
    if (existing != null) {
      authorizations.deleteAuthorization(existing.getId());
      LOG.info("Removed the superseded grant of {} on {} {}", groupId, resource.resourceName(), resourceId);
    }
  }

  private void ensureAdministrator() {
    String userId = properties.adminUser();
    String password = properties.adminPassword();
    if (userId == null || userId.isBlank() || password == null || password.isBlank()) {
      return;
    }
    if (identity.createUserQuery().userId(userId).count() == 0) {
      User admin = identity.newUser(userId);
      admin.setFirstName("Carevoice");
      admin.setLastName("Administrator");
      admin.setPassword(password);
      identity.saveUser(admin);
      LOG.info("Created the administrator '{}'", userId);
    }
    if (identity.createUserQuery().userId(userId).memberOfGroup(StaffGroups.ADMINS).count() == 0) {
      identity.createMembership(userId, StaffGroups.ADMINS);
    }
  }

  /** The start-up check for CVE-2026-77226. */
  private void requireAdministrator() {
    long members = identity.createUserQuery().memberOfGroup(StaffGroups.ADMINS).count();
    if (members == 0) {
      throw new IllegalStateException("The '" + StaffGroups.ADMINS + "' group has no member. Carevoice does not start"
          + " without an administrator (CVE-2026-77226): set CAREVOICE_ADMIN_USER and CAREVOICE_ADMIN_PASSWORD.");
    }
  }

  void ensureGroup(String id, String name, String type) {
    if (identity.createGroupQuery().groupId(id).count() == 0) {
      Group group = identity.newGroup(id);
      group.setName(name);
      group.setType(type);
      identity.saveGroup(group);
    }
  }

  private void grant(String groupId, Resource resource, String resourceId, Permission... permissions) {
    Authorization existing = authorizations.createAuthorizationQuery()
        .authorizationType(AUTH_TYPE_GRANT).groupIdIn(groupId).resourceType(resource).resourceId(resourceId)
        .singleResult();
    if (existing != null && java.util.Arrays.stream(permissions).allMatch(existing::isPermissionGranted)) {
      return;
    }
    Authorization authorization = existing != null ? existing : authorizations.createNewAuthorization(AUTH_TYPE_GRANT);
    authorization.setGroupId(groupId);
    authorization.setResource(resource);
    authorization.setResourceId(resourceId);
    for (Permission permission : permissions) {
      authorization.addPermission(permission);
    }
    authorizations.saveAuthorization(authorization);
  }

  /**
   * Tasklist filters without expressions (expressions in stored queries are off): the engine's
   * authorization checks already narrow "My tasks" to the tasks a user may see and work on. Each
   * filter sorts by priority (urgency), then due date, and shows the card variables of {@link
   * TaskCard} (reference, service, urgency). Filters saved by an earlier version are brought up to
   * date in place, so their ids, and the grants on them, stay.
   */
  private void ensureFilters(List<String> groups) {
    Filter mine = ensureFilter(FILTER_MY_TASKS, -10, "Tasks you or your teams can work on",
        sortedForCards(tasks.createTaskQuery()));
    Filter moderation = ensureFilter(FILTER_MODERATION, 0, "Stories waiting for a moderator",
        sortedForCards(tasks.createTaskQuery().processDefinitionKey(StoryLifecycle.PROCESS_KEY)
            .taskDefinitionKey(StoryLifecycle.Elements.USER_TASK_MODERATE_STORY)));
    for (String group : groups) {
      grant(group, Resources.FILTER, mine.getId(), Permissions.READ);
    }
    grant(StaffGroups.MODERATORS, Resources.FILTER, moderation.getId(), Permissions.READ);
    grant(StaffGroups.MODERATION_LEADS, Resources.FILTER, moderation.getId(), Permissions.READ);
  }

  /** Most urgent first, then the soonest due; Tasklist's own sorting (by creation) comes after these. */
  private static TaskQuery sortedForCards(TaskQuery query) {
    return query.orderByTaskPriority().desc().orderByDueDate().asc();
  }

  private static List<String> ordering(Object query) {
    return ((TaskQueryImpl) query).getOrderingProperties().stream()
        .map(order -> order.getQueryProperty().getName() + " " + order.getDirection().getName()).toList();
  }

  private Filter ensureFilter(String name, int priority, String description, TaskQuery query) {
    Map<String, Object> filterProperties = new LinkedHashMap<>();
    filterProperties.put("priority", priority);
    filterProperties.put("description", description);
    filterProperties.put("refresh", true);
    filterProperties.put("variables", TaskCard.FILTER_VARIABLES);
    Filter existing = filters.createFilterQuery().filterName(name).singleResult();
    if (existing == null) {
      return filters.saveFilter(filters.newTaskFilter(name).setQuery(query).setProperties(filterProperties));
    }
    boolean sameQuery = ordering(existing.getQuery()).equals(ordering(query));
    if (sameQuery && filterProperties.equals(existing.getProperties())) {
      return existing;
    }
    LOG.info("Updating the Tasklist filter \"{}\": sorting by priority then due date, card variables", name);
    return filters.saveFilter(existing.setQuery(query).setProperties(filterProperties));
  }
}
