package org.carevoice.identity;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;

/**
 * A task is worked by its candidates: a candidate user, a member of a candidate group, or an
 * administrator. Added by {@link WorkAuthorizationPlugin} to every user task, before the model's
 * own listeners, on assignment (claim, assign, delegate) and on completion.
 *
 * <p>Why: moderators hold their work on the whole story-lifecycle definition (one grant instead of
 * a row per task, {@link DefinitionGrantAuthorizationProvider}), and that definition also holds
 * "Review safeguarding concern", the safeguarding leads' decision. A moderator may see that review
 * (they read every story's text anyway) but neither claim nor complete it: a 403 that says whose
 * work it is. A task without candidates is not restricted.
 */
final class CandidatesOnlyTaskListener implements TaskListener {

  static final String NOT_A_CANDIDATE = "This task is for %s: you are not one of them.";

  @Override
  public void notify(DelegateTask task) {
    String user;
    List<String> groups;
    if (EVENTNAME_ASSIGNMENT.equals(task.getEventName())) {
      user = task.getAssignee();
      groups = user == null ? List.of() : groupsOf(user);
    } else if (EVENTNAME_COMPLETE.equals(task.getEventName())) {
      Authentication current = Context.getCommandContext().getAuthentication();
      if (current == null || current.getUserId() == null) {
        return;
      }
      user = current.getUserId();
      groups = current.getGroupIds() == null ? groupsOf(user) : current.getGroupIds();
    } else {
      return;
    }
    if (user == null || groups.contains(StaffGroups.ADMINS)) {
      return;
    }
    Set<IdentityLink> candidates = task.getCandidates().stream()
        .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType())).collect(Collectors.toSet());
    if (candidates.isEmpty()) {
      return;
    }
    boolean candidate = candidates.stream().anyMatch(link -> user.equals(link.getUserId())
        || (link.getGroupId() != null && groups.contains(link.getGroupId())));
    if (!candidate) {
      String whose = candidates.stream().map(link -> link.getGroupId() != null ? link.getGroupId() : link.getUserId())
          .sorted().collect(Collectors.joining(", "));
      throw new TaskWorkRefusedException(NOT_A_CANDIDATE.formatted(whose));
    }
  }

  /** The user's groups, whoever may list them: the engine asks, not the signed-in user. */
  private static List<String> groupsOf(String user) {
    CommandContext command = Context.getCommandContext();
    return command.runWithoutAuthorization(() -> Context.getProcessEngineConfiguration().getIdentityService()
        .createGroupQuery().groupMember(user).list().stream().map(Group::getId).toList());
  }
}
