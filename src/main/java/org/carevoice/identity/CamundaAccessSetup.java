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
import org.carevoice.story.StoryLifecycle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.carevoice.system.TaskCard;
import org.springframework.stereotype.Component;

/**
 * Makes sure, at every start, that the groups of every role exist with the authorizations they
 * need to work in Tasklist and Cockpit, that Tasklist has its filters, and that the {@code
 * camunda-admin} group has a direct member.
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

  private static final Logger LOG = LoggerFactory.getLogger(CamundaAccessSetup.class);

  private final IdentityService identity;
  private final AuthorizationService authorizations;
  private final FilterService filters;
  private final TaskService tasks;
  private final OrganisationService organisation;
  private final IdentityProperties properties;

  CamundaAccessSetup(IdentityService identity, AuthorizationService authorizations, FilterService filters,
      TaskService tasks, OrganisationService organisation, IdentityProperties properties) {
    this.identity = identity;
    this.authorizations = authorizations;
    this.filters = filters;
    this.tasks = tasks;
    this.organisation = organisation;
    this.properties = properties;
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
    // Managers and moderation leads follow cases in Cockpit: read-only access to the lifecycle.
    for (String id : managerGroupsAndLeads(managerGroups)) {
      grant(id, Resources.APPLICATION, "cockpit", Permissions.ACCESS);
      grant(id, Resources.PROCESS_DEFINITION, StoryLifecycle.PROCESS_KEY, ProcessDefinitionPermissions.READ,
          ProcessDefinitionPermissions.READ_INSTANCE, ProcessDefinitionPermissions.READ_HISTORY,
          ProcessDefinitionPermissions.READ_TASK);
      grant(id, Resources.PROCESS_INSTANCE, "*", Permissions.READ);
      grant(id, Resources.DECISION_DEFINITION, "*", Permissions.READ);
      grant(id, Resources.DEPLOYMENT, "*", Permissions.READ);
    }
    ensureFilters(tasklistGroups.keySet().stream().toList());
    setUpProcessOwners();
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

  private static List<String> managerGroupsAndLeads(Map<String, String> managerGroups) {
    List<String> ids = new java.util.ArrayList<>(managerGroups.keySet());
    ids.add(StaffGroups.MODERATION_LEADS);
    return ids;
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
