package org.carevoice.identity;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.AbstractExecuteFilterCmd;
import org.camunda.bpm.engine.impl.cmd.SaveFilterCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.el.ProcessEngineElContext;
import org.camunda.bpm.engine.impl.persistence.entity.FilterEntity;
import org.camunda.bpm.engine.spring.SpringExpressionManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationContext;

/**
 * No expression (JUEL) is ever evaluated from a task query that a client sends or stores.
 *
 * <p>Camunda evaluates expressions such as {@code dueDateExpression: ${...}} in task queries, and
 * an expression can call any Spring bean or any Java method: a code-execution door for anyone who
 * may query tasks. The engine's own switches ({@code enableExpressionsInAdhocQueries} and {@code
 * enableExpressionsInStoredQueries}, both off in application.yaml) are checked by validators that
 * the engine attaches to the top-level query only; the queries inside {@code orQueries} (from
 * engine-rest, the webapps' API or a stored Tasklist filter) carry no validator and their
 * expressions were evaluated all the same. This plugin closes it at two depths:
 *
 * <ol>
 *   <li><b>Refused with a 400.</b> A command interceptor around every engine command looks at
 *       every task query a command carries — an ad-hoc query (the query is the command), a filter
 *       being saved, a filter run (its stored query and any extending query) — and at every query nested in
 *       {@code orQueries}, at any depth. One expression anywhere and the command is refused with a
 *       {@link BadUserRequestException} (engine-rest answers 400 with its message) before anything
 *       is evaluated or stored.
 *   <li><b>Never evaluated, whatever the path.</b> The engine evaluates query expressions, and
 *       only those, without a variable scope (BPMN expressions always have an execution or task,
 *       and the engine passes an empty start scope where none exists yet). The expression manager
 *       refuses to build an evaluation context without a scope, so a path this list does not know
 *       (a filter stored before this guard, a future endpoint) still evaluates nothing.
 * </ol>
 *
 * <p>Carevoice's own filters use no expressions: the engine's authorization checks already narrow
 * every list to what its user may see ({@link CamundaAccessSetup}).
 */
final class QueryExpressionGuard extends AbstractProcessEnginePlugin {

  static final String REFUSED = "Expressions are not accepted in task queries or Tasklist filters, on any level"
      + " (found %s). Send the value itself, e.g. a date as 2026-01-31T00:00:00.000+0000.";

  private static final Logger LOG = LoggerFactory.getLogger(QueryExpressionGuard.class);

  private final ApplicationContext applicationContext;

  QueryExpressionGuard(ApplicationContext applicationContext) {
    this.applicationContext = applicationContext;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setEnableExpressionsInAdhocQueries(false);
    configuration.setEnableExpressionsInStoredQueries(false);
    // Inside the command context (post-interceptors), so a stored filter is read through the
    // command's own entity cache, and a refusal is logged by the engine as the user error it is.
    configuration.setCustomPostCommandInterceptorsTxRequired(
        with(configuration.getCustomPostCommandInterceptorsTxRequired(), new RefuseQueryExpressions()));
    configuration.setCustomPostCommandInterceptorsTxRequiresNew(
        with(configuration.getCustomPostCommandInterceptorsTxRequiresNew(), new RefuseQueryExpressions()));
    configuration.setExpressionManager(new ScopedExpressionManager(applicationContext, configuration.getBeans()));
  }

  /** Filters saved by an older version may still hold expressions: they are refused when run; say which. */
  @Override
  public void postProcessEngineBuild(ProcessEngine engine) {
    for (Filter filter : engine.getFilterService().createFilterQuery().list()) {
      List<String> found = new ArrayList<>();
      collect(filter.getQuery(), "", found);
      if (!found.isEmpty()) {
        LOG.warn("Tasklist filter '{}' ({}) holds expressions ({}); it is refused until an administrator removes them"
            + " in Tasklist.", filter.getName(), filter.getId(), String.join(", ", found));
      }
    }
  }

  private static List<CommandInterceptor> with(List<CommandInterceptor> interceptors, CommandInterceptor added) {
    List<CommandInterceptor> all = interceptors == null ? new ArrayList<>() : new ArrayList<>(interceptors);
    all.add(added);
    return all;
  }

  /**
   * Where a command carries a task query, with the path of each expression found in it ({@code
   * dueDate}, {@code orQueries[0].taskAssignee}, ...); empty when there is none.
   */
  static List<String> expressionsIn(Object command) {
    List<String> found = new ArrayList<>();
    if (command instanceof TaskQueryImpl query) {
      collect(query, "", found);
    } else if (command instanceof AbstractExecuteFilterCmd) {
      collect(CommandFields.EXTENDING_QUERY.read(command), "", found);
      Object filterId = CommandFields.FILTER_ID.read(command);
      CommandContext context = Context.getCommandContext();
      if (filterId instanceof String id && context != null) {
        FilterEntity stored = context.getFilterManager().findFilterById(id);
        if (stored != null) {
          collect(stored.getQuery(), "filter:", found);
        }
      }
    } else if (command instanceof SaveFilterCmd) {
      Object filter = CommandFields.FILTER.read(command);
      if (filter instanceof Filter saved) {
        collect(saved.getQuery(), "", found);
      }
    }
    return found;
  }

  /** The top-level query is the first of its own {@code getQueries()}; the rest are its or-queries. */
  static void collect(Object query, String prefix, List<String> found) {
    if (!(query instanceof TaskQueryImpl task)) {
      return;
    }
    for (Map.Entry<String, String> expression : task.getExpressions().entrySet()) {
      found.add(prefix + expression.getKey());
    }
    List<TaskQueryImpl> queries = task.getQueries();
    for (int i = 0; i < queries.size(); i++) {
      TaskQueryImpl orQuery = queries.get(i);
      if (orQuery != task) {
        collect(orQuery, prefix + "orQueries[" + (i - 1) + "].", found);
      }
    }
  }

  /** Step 1: a 400 before anything is evaluated or stored (logged by the engine at DEBUG, as user errors are). */
  static final class RefuseQueryExpressions extends CommandInterceptor {
    @Override
    public <T> T execute(Command<T> command) {
      List<String> found = expressionsIn(command);
      if (!found.isEmpty()) {
        throw new BadUserRequestException(REFUSED.formatted(String.join(", ", found)));
      }
      return next.execute(command);
    }
  }

  /**
   * The fields that hold a client's query in the engine's filter commands. Read once by name: a
   * Camunda upgrade that renames them fails {@code QueryExpressionSecurityTest} at build time, and at
   * run time such a command is refused rather than let through unchecked.
   */
  enum CommandFields {
    EXTENDING_QUERY(AbstractExecuteFilterCmd.class, "extendingQuery"),
    FILTER_ID(AbstractExecuteFilterCmd.class, "filterId"),
    FILTER(SaveFilterCmd.class, "filter");

    private final EngineCommandField field;

    CommandFields(Class<?> owner, String name) {
      field = new EngineCommandField(owner, name,
          "This engine's " + name() + " cannot be checked for expressions; refused.");
    }

    boolean present() {
      return field.present();
    }

    Object read(Object command) {
      return field.read(command);
    }
  }

  /** Step 2: no evaluation context without a variable scope, so no query expression ever runs. */
  static final class ScopedExpressionManager extends SpringExpressionManager {

    ScopedExpressionManager(ApplicationContext applicationContext, Map<Object, Object> beans) {
      super(applicationContext, beans);
    }

    @Override
    protected ProcessEngineElContext createElContext(VariableScope variableScope) {
      if (variableScope == null) {
        throw new BadUserRequestException("Expressions without a process or task scope (as in task queries) are"
            + " not evaluated by Carevoice's engine.");
      }
      return super.createElContext(variableScope);
    }
  }
}
