package org.carevoice.staff;

import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.task.TaskQuery;
import org.carevoice.identity.StaffGroups;
import org.carevoice.response.AuthorReplyLifecycle;
import org.carevoice.response.ResponseChangeLifecycle;
import org.carevoice.response.ServiceResponse;
import org.carevoice.story.StoryLifecycle;
import org.springframework.stereotype.Service;

/**
 * What is waiting in Camunda for one member of staff, read through the engine as that user: their
 * tasks by kind (for their candidate groups, with the engine's authorization checks, never an
 * expression: the queries are built here, not sent by a client), the Tasklist filters they may
 * open, and which webapps they may use.
 */
@Service
class StaffWork {

  static final String TASKLIST = "/camunda/app/tasklist/default/";
  static final String COCKPIT = "/camunda/app/cockpit/default/";
  static final String CAMUNDA_ADMIN = "/camunda/app/admin/default/";
  /** The most tasks of one kind listed by name on the staff home (the count says how many in all). */
  static final int TASKS_LISTED = 20;

  /** The kinds of task in Carevoice's processes, as the staff home counts them. */
  enum TaskKind {
    MODERATE_STORY(StoryLifecycle.PROCESS_KEY, StoryLifecycle.Elements.USER_TASK_MODERATE_STORY),
    CONFIRM_ANONYMISATION(StoryLifecycle.PROCESS_KEY, StoryLifecycle.Elements.USER_TASK_CONFIRM_ANONYMISATION),
    MODERATE_RESPONSE(ServiceResponse.PROCESS_KEY, ServiceResponse.Elements.USER_TASK_MODERATE_RESPONSE),
    MODERATE_REPLY(AuthorReplyLifecycle.PROCESS_KEY, AuthorReplyLifecycle.Elements.USER_TASK_MODERATE_REPLY),
    MODERATE_CHANGE(ResponseChangeLifecycle.PROCESS_KEY, ResponseChangeLifecycle.Elements.USER_TASK_MODERATE_CHANGE),
    REVIEW_SAFEGUARDING(StoryLifecycle.PROCESS_KEY, StoryLifecycle.Elements.USER_TASK_REVIEW_SAFEGUARDING_CONCERN),
    RESPOND(ServiceResponse.PROCESS_KEY, ServiceResponse.Elements.USER_TASK_RESPOND_TO_STORY),
    UNANSWERED(ServiceResponse.PROCESS_KEY, ServiceResponse.Elements.USER_TASK_UNANSWERED_STORY);

    final String processKey;
    final String taskKey;

    TaskKind(String processKey, String taskKey) {
      this.processKey = processKey;
      this.taskKey = taskKey;
    }

    /** Whether this kind is the user's work by role, so that the home shows it even when none is waiting. */
    boolean isWorkOf(StaffRoles.Role role) {
      return switch (this) {
        case MODERATE_STORY, CONFIRM_ANONYMISATION, MODERATE_RESPONSE, MODERATE_REPLY, MODERATE_CHANGE ->
            role.moderator() || role.lead();
        case REVIEW_SAFEGUARDING -> role.safeguarding();
        case RESPOND -> role.responder();
        case UNANSWERED -> role.manager();
      };
    }

    /** The message key of its name on the staff home. */
    public String messageKey() {
      return "staffHome.task." + name();
    }
  }

  /**
   * Tasks of one kind waiting for the user's groups.
   *
   * @param link the one task in Tasklist when there is one, else the Tasklist filter that lists them
   */
  record TaskCount(TaskKind kind, long waiting, long assignedToYou, String link) {}

  /** One open task, with the story it is about (its case's business key). */
  record TaskItem(String id, String name, String reference, Date due, String assignee, String tasklistLink) {}

  /** A Tasklist filter the user may open. */
  record FilterLink(String name, String link) {}

  /** Which Camunda webapps the user may open. */
  record Webapps(boolean tasklist, boolean cockpit, boolean admin) {}

  /** Everything the engine holds for the user: counts by kind, the tasks to list, filters, webapps. */
  record Waiting(List<TaskCount> counts, List<TaskItem> respond, List<TaskItem> safeguarding, List<FilterLink> filters,
      Webapps webapps) {

    long total() {
      return counts.stream().mapToLong(TaskCount::waiting).sum();
    }
  }

  private final TaskService tasks;
  private final FilterService filters;
  private final IdentityService identity;
  private final AuthorizationService authorizations;
  private final HistoryService history;

  StaffWork(TaskService tasks, FilterService filters, IdentityService identity, AuthorizationService authorizations,
      HistoryService history) {
    this.tasks = tasks;
    this.filters = filters;
    this.identity = identity;
    this.authorizations = authorizations;
    this.history = history;
  }

  Waiting of(StaffRoles.Role role) {
    Webapps webapps = webapps(role);
    if (role.groups().isEmpty()) {
      return new Waiting(List.of(), List.of(), List.of(), List.of(), webapps);
    }
    List<Group> groups = identity.createGroupQuery().groupMember(role.user()).list();
    return asUser(role, () -> {
      List<FilterLink> filterLinks = new ArrayList<>();
      Map<String, String> filterIds = new LinkedHashMap<>();
      for (Filter filter : filters.createTaskFilterQuery().orderByFilterId().asc().list()) {
        filterIds.put(filter.getName(), filter.getId());
        filterLinks.add(new FilterLink(filter.getName(), TASKLIST + "#/?filter=" + filter.getId()));
      }
      List<TaskCount> counts = new ArrayList<>();
      for (TaskKind kind : TaskKind.values()) {
        long waiting = query(kind, role).count();
        if (waiting == 0 && !kind.isWorkOf(role)) {
          continue;
        }
        long mine = tasks.createTaskQuery().processDefinitionKey(kind.processKey).taskDefinitionKey(kind.taskKey)
            .taskAssignee(role.user()).count();
        String link = waiting == 1 ? taskLink(query(kind, role).singleResult().getId())
            : filterLink(kind, role, groups, filterIds);
        counts.add(new TaskCount(kind, waiting, mine, link));
      }
      List<TaskItem> respond = role.responder() ? items(query(TaskKind.RESPOND, role)) : List.of();
      List<TaskItem> safeguarding = role.safeguarding() ? items(query(TaskKind.REVIEW_SAFEGUARDING, role)) : List.of();
      return new Waiting(counts, respond, safeguarding, filterLinks, webapps);
    });
  }

  /**
   * Whether the user may open this service case in Cockpit: Cockpit access, and the case itself
   * (a manager's own services' cases) or every case of its definition (moderation leads, admins).
   */
  boolean mayFollowInCockpit(StaffRoles.Role role, String processInstanceId) {
    return webapps(role).cockpit() && (authorizations.isUserAuthorized(role.user(), role.groups(), Permissions.READ,
        Resources.PROCESS_INSTANCE, processInstanceId) || authorizations.isUserAuthorized(role.user(), role.groups(),
        ProcessDefinitionPermissions.READ_INSTANCE, Resources.PROCESS_DEFINITION, ServiceResponse.PROCESS_KEY));
  }

  static String cockpitLink(String processInstanceId) {
    return COCKPIT + "#/process-instance/" + processInstanceId + "/runtime";
  }

  static String taskLink(String taskId) {
    return TASKLIST + "#/?task=" + taskId;
  }

  Webapps webapps(StaffRoles.Role role) {
    return new Webapps(mayAccess(role, "tasklist"), mayAccess(role, "cockpit"), mayAccess(role, "admin"));
  }

  private boolean mayAccess(StaffRoles.Role role, String application) {
    return authorizations.isUserAuthorized(role.user(), role.groups(), Permissions.ACCESS, Resources.APPLICATION,
        application);
  }

  /** The kind's open tasks for the user's candidate groups, claimed ones included. */
  private TaskQuery query(TaskKind kind, StaffRoles.Role role) {
    return tasks.createTaskQuery().processDefinitionKey(kind.processKey).taskDefinitionKey(kind.taskKey)
        .taskCandidateGroupIn(role.groups()).includeAssignedTasks();
  }

  /**
   * The Tasklist filter that lists this kind: the team's own filter for a team's tasks (named
   * after the team, as CamundaAccessSetup names it), "Stories to moderate" for stories, else "My tasks".
   */
  private static String filterLink(TaskKind kind, StaffRoles.Role role, List<Group> groups,
      Map<String, String> filterIds) {
    Set<String> teams = switch (kind) {
      case RESPOND -> role.respondsFor().stream().map(s -> s.getResponderGroup()).collect(Collectors.toSet());
      case UNANSWERED -> role.manages().stream().map(s -> s.getManagerGroup()).collect(Collectors.toSet());
      case REVIEW_SAFEGUARDING -> Set.of(StaffGroups.SAFEGUARDING);
      default -> Set.of();
    };
    List<String> preferred = new ArrayList<>();
    groups.stream().filter(group -> teams.contains(group.getId())).map(Group::getName).forEach(preferred::add);
    if (kind == TaskKind.MODERATE_STORY) {
      preferred.add("Stories to moderate");
    }
    preferred.add("My tasks");
    return preferred.stream().filter(filterIds::containsKey).findFirst()
        .map(name -> TASKLIST + "#/?filter=" + filterIds.get(name)).orElse(TASKLIST);
  }

  /** The first tasks of the query, oldest first, each with its story's reference. */
  private List<TaskItem> items(TaskQuery query) {
    List<Task> found = query.orderByTaskCreateTime().asc().listPage(0, TASKS_LISTED);
    if (found.isEmpty()) {
      return List.of();
    }
    Set<String> instanceIds = found.stream().map(Task::getProcessInstanceId).collect(Collectors.toSet());
    Map<String, String> references = new LinkedHashMap<>();
    // The references of cases whose tasks the user may already see: read as the application.
    Authentication.without(identity, () -> history.createHistoricProcessInstanceQuery()
        .processInstanceIds(instanceIds).list()
        .forEach(instance -> references.put(instance.getId(), instance.getBusinessKey())));
    return found.stream().map(task -> new TaskItem(task.getId(), task.getName(), references.get(task.getProcessInstanceId()),
        task.getDueDate(), task.getAssignee(), taskLink(task.getId()))).toList();
  }

  private <T> T asUser(StaffRoles.Role role, Supplier<T> work) {
    identity.setAuthentication(role.user(), role.groups());
    try {
      return work.get();
    } finally {
      identity.clearAuthentication();
    }
  }

  /** Runs a read of the engine as the application, then restores the user's authentication. */
  private static final class Authentication {
    static void without(IdentityService identity, Runnable read) {
      org.camunda.bpm.engine.impl.identity.Authentication current = identity.getCurrentAuthentication();
      identity.clearAuthentication();
      try {
        read.run();
      } finally {
        if (current != null) {
          identity.setAuthentication(current);
        }
      }
    }
  }
}
