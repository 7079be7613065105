package org.carevoice.earlywarning;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.carevoice.system.ProcessVariable;

/**
 * The constants of processes/early-warning.bpmn and processes/early-warning.dmn: a daily check of
 * every service's stories that emails the service's managers when they turn. The only place their
 * ids appear in Java. docs/early-warning.md explains the signals and the rules.
 */
public final class EarlyWarning {

  public static final String PROCESS_KEY = "early-warning";
  public static final String DECISION = "early-warning";
  /** The email's template under templates/email/. */
  static final String TEMPLATE = "early-warning";

  /** BPMN element ids, as in the model. */
  public static final class Elements {
    public static final String TIMER_START_DAILY_CHECK = "timerStartEvent_dailyCheck";
    public static final String SERVICE_TASK_LIST_CHECKED_SERVICES = "serviceTask_listCheckedServices";
    public static final String SUB_PROCESS_CHECK_SERVICE = "subProcess_checkService";
    public static final String SUB_PROCESS_CHECK_SIGNAL = "subProcess_checkSignal";
    public static final String SERVICE_TASK_COMPUTE_WARNING_FIGURES = "serviceTask_computeWarningFigures";
    public static final String BUSINESS_RULE_TASK_ASSESS_FIGURES = "businessRuleTask_assessFigures";
    public static final String SERVICE_TASK_RECORD_WARNING_SIGNAL = "serviceTask_recordWarningSignal";
    public static final String GATEWAY_NEW_WARNINGS = "gateway_newWarnings";
    public static final String SERVICE_TASK_EMAIL_EARLY_WARNING = "serviceTask_emailEarlyWarning";
    public static final String END_SERVICE_WARNED = "endEvent_serviceWarned";
    public static final String END_NOTHING_NEW = "endEvent_nothingNew";
    public static final String END_SERVICES_CHECKED = "endEvent_servicesChecked";

    private Elements() {}
  }

  /** The decision's outputs (its contract: DeploymentGuard refuses a table that changes them). */
  public static final class Outputs {
    /** How the rule reads in the email, e.g. "3 or more in 7 days". */
    public static final String THRESHOLD = "threshold";
    /** Days during which the same signal of the same service is not emailed again. */
    public static final String QUIET_DAYS = "quietDays";

    private Outputs() {}
  }

  /** Process variables: ids, codes, counts and dates only, never personal data (ADR 0002). */
  public static final class Vars {
    /** The moment the run measures to: every window of every service ends here. */
    public static final ProcessVariable<Date> CHECKED_AT = ProcessVariable.of("checkedAt", Date.class);
    /** The ids of the services to check (a list): the outer loop's collection. */
    public static final String SERVICE_IDS = "serviceIds";
    /** The {@link Check} codes (a list): the inner loop's collection, the same for every service. */
    public static final String CHECKS = "checks";
    public static final ProcessVariable<Long> SERVICE_ID = ProcessVariable.of("serviceId", Long.class);
    public static final ProcessVariable<String> CHECK = ProcessVariable.of("check", String.class);
    /** How many warnings this run raised for the service (not repeats): 0 means no email. */
    public static final ProcessVariable<Integer> NEW_WARNINGS = ProcessVariable.of("newWarnings", Integer.class);
    /** How many managers were emailed. */
    public static final ProcessVariable<Integer> RECIPIENTS = ProcessVariable.of("recipients", Integer.class);

    // The decision's inputs, local to one check of one service.
    public static final ProcessVariable<String> SIGNAL = ProcessVariable.of("signal", String.class);
    public static final ProcessVariable<String> TAG = ProcessVariable.of("tag", String.class);
    public static final ProcessVariable<String> SERVICE_TYPE = ProcessVariable.of("serviceType", String.class);
    public static final ProcessVariable<Integer> COUNT = ProcessVariable.of("count", Integer.class);
    public static final ProcessVariable<Double> SHARE_NOW = ProcessVariable.of("shareNow", Double.class);
    public static final ProcessVariable<Double> SHARE_BEFORE = ProcessVariable.of("shareBefore", Double.class);
    // The rest of the figures, for the record and the email.
    public static final ProcessVariable<Integer> MATCHING_NOW = ProcessVariable.of("matchingNow", Integer.class);
    public static final ProcessVariable<Integer> TOTAL_NOW = ProcessVariable.of("totalNow", Integer.class);
    public static final ProcessVariable<Integer> MATCHING_BEFORE = ProcessVariable.of("matchingBefore", Integer.class);
    public static final ProcessVariable<Integer> TOTAL_BEFORE = ProcessVariable.of("totalBefore", Integer.class);
    /** The ids of the stories behind the figure (a list). */
    public static final String STORY_IDS = "storyIds";
    /** The decision's result: the rules that fired, in rule order (a list of {@link Outputs}). */
    public static final String FIRED_RULES = "firedRules";

    /** Writes a check's figures as variables local to the check's scope. */
    static void putFigures(VariableScope scope, Check check, String serviceType, Figures figures) {
      SIGNAL.setLocal(scope, check.signal().code());
      TAG.setLocal(scope, check.tag());
      SERVICE_TYPE.setLocal(scope, serviceType);
      COUNT.setLocal(scope, figures.figure());
      MATCHING_NOW.setLocal(scope, figures.matchingNow());
      TOTAL_NOW.setLocal(scope, figures.totalNow());
      MATCHING_BEFORE.setLocal(scope, figures.matchingBefore());
      TOTAL_BEFORE.setLocal(scope, figures.totalBefore());
      SHARE_NOW.setLocal(scope, figures.shareNow());
      SHARE_BEFORE.setLocal(scope, figures.shareBefore());
      scope.setVariableLocal(STORY_IDS, new ArrayList<>(figures.storyIds()));
    }

    /** The figures {@link #putFigures} wrote. */
    static Figures figures(VariableScope scope) {
      List<Long> stories = new ArrayList<>();
      if (scope.getVariable(STORY_IDS) instanceof List<?> ids) {
        ids.forEach(id -> stories.add(((Number) id).longValue()));
      }
      return new Figures(COUNT.get(scope), MATCHING_NOW.get(scope), TOTAL_NOW.get(scope), MATCHING_BEFORE.get(scope),
          TOTAL_BEFORE.get(scope), SHARE_NOW.find(scope).orElse(null), SHARE_BEFORE.find(scope).orElse(null), stories);
    }

    /** The first rule that fired, or empty when none did (the signal is clear). */
    static Optional<FiredRule> firstFiredRule(VariableScope scope) {
      if (!(scope.getVariable(FIRED_RULES) instanceof List<?> rules) || rules.isEmpty()) {
        return Optional.empty();
      }
      if (!(rules.get(0) instanceof Map<?, ?> outputs)) {
        throw new IllegalStateException("The " + DECISION + " decision gave no outputs");
      }
      Object threshold = outputs.get(Outputs.THRESHOLD);
      Object quietDays = outputs.get(Outputs.QUIET_DAYS);
      if (threshold == null || !(quietDays instanceof Number days)) {
        throw new IllegalStateException("A rule of the " + DECISION + " decision gave no threshold or quietDays");
      }
      return Optional.of(new FiredRule(threshold.toString(), days.intValue()));
    }

    private Vars() {}
  }

  /** A rule of the decision that fired: how the email words it, and its quiet period. */
  public record FiredRule(String threshold, int quietDays) {}

  private EarlyWarning() {}
}
