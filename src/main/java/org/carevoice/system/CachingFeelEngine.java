package org.carevoice.system;

import camundajar.impl.scala.collection.immutable.Map;
import camundajar.impl.scala.runtime.BoxesRunTime;
import camundajar.impl.scala.util.Either;
import camundajar.impl.scala.util.Right;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.dmn.feel.impl.FeelEngineFactory;
import org.camunda.bpm.dmn.feel.impl.scala.ContextVariableWrapper;
import org.camunda.bpm.dmn.feel.impl.scala.ScalaFeelEngine;
import org.camunda.bpm.engine.variable.context.VariableContext;
import org.camunda.feel.context.CustomContext;
import org.camunda.feel.context.VariableProvider;
import org.camunda.feel.context.VariableProvider.CompositeVariableProvider;
import org.camunda.feel.context.VariableProvider.StaticVariableProvider;
import org.camunda.feel.syntaxtree.ParsedExpression;

/**
 * Camunda's FEEL engine, parsing each expression of a decision table once instead of at every
 * evaluation. Camunda's {@link ScalaFeelEngine} parses the text of every input entry and expression
 * each time a table is evaluated; parsing was most of the cost of the story-urgency decision, about a
 * fifth of the CPU time of the job that prepares a story for moderation. The FEEL engine's own
 * evaluation does the same two steps (parse, then evaluate the parsed expression), so the results
 * are the same; an expression that does not parse is left to Camunda's engine, which reports it as
 * before. Parsed expressions are immutable; the cache holds one per distinct text of the deployed
 * tables and starts again should it ever grow past {@value #MAX_EXPRESSIONS}.
 */
final class CachingFeelEngine extends ScalaFeelEngine {

  static final int MAX_EXPRESSIONS = 10_000;

  private final java.util.Map<String, ParsedExpression> expressions = new ConcurrentHashMap<>();
  private final java.util.Map<String, ParsedExpression> unaryTests = new ConcurrentHashMap<>();

  CachingFeelEngine() {
    super(null);
  }

  /** Makes this engine the DMN engine's FEEL engine. */
  static FeelEngineFactory factory() {
    return CachingFeelEngine::new;
  }

  @Override
  public <T> T evaluateSimpleExpression(String expression, VariableContext variableContext) {
    ParsedExpression parsed = parsed(expressions, expression, false);
    if (parsed == null) {
      return super.evaluateSimpleExpression(expression, variableContext);
    }
    CustomContext context = new CustomContext() {
      @Override
      public VariableProvider variableProvider() {
        return new ContextVariableWrapper(variableContext);
      }
    };
    Either<?, ?> result = feelEngine.eval(parsed, context);
    if (result instanceof Right<?, ?> right) {
      @SuppressWarnings("unchecked")
      T value = (T) right.value();
      return value;
    }
    return super.evaluateSimpleExpression(expression, variableContext);
  }

  @Override
  public boolean evaluateSimpleUnaryTests(String expression, String inputVariable, VariableContext variableContext) {
    ParsedExpression parsed = parsed(unaryTests, expression, true);
    if (parsed == null) {
      return super.evaluateSimpleUnaryTests(expression, inputVariable, variableContext);
    }
    StaticVariableProvider input = new StaticVariableProvider(new Map.Map1<String, Object>(INPUT_VARIABLE_NAME,
        inputVariable));
    VariableProvider variables = new ContextVariableWrapper(variableContext);
    CustomContext context = new CustomContext() {
      @Override
      public VariableProvider variableProvider() {
        return new CompositeVariableProvider(toScalaList(input, variables));
      }
    };
    Either<?, ?> result = feelEngine.eval(parsed, context);
    if (result instanceof Right<?, ?> right) {
      return BoxesRunTime.unboxToBoolean(right.value());
    }
    // Let Camunda's engine evaluate it again and report the failure in its own words.
    return super.evaluateSimpleUnaryTests(expression, inputVariable, variableContext);
  }

  private ParsedExpression parsed(java.util.Map<String, ParsedExpression> cache, String expression, boolean unary) {
    ParsedExpression parsed = cache.get(expression);
    if (parsed != null) {
      return parsed;
    }
    Either<?, ?> result = unary ? feelEngine.parseUnaryTests(expression) : feelEngine.parseExpression(expression);
    if (!(result instanceof Right<?, ?> right) || !(right.value() instanceof ParsedExpression value)) {
      return null;
    }
    if (cache.size() >= MAX_EXPRESSIONS) {
      cache.clear();
    }
    cache.put(expression, value);
    return value;
  }
}
