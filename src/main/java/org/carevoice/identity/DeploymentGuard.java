package org.carevoice.identity;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.dmn.entity.repository.DecisionDefinitionEntity;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ResourceEntity;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.impl.DmnModelConstants;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.dmn.instance.DecisionTable;
import org.camunda.bpm.model.dmn.instance.DmnElement;
import org.camunda.bpm.model.dmn.instance.Output;
import org.camunda.bpm.model.xml.ModelException;
import org.springframework.stereotype.Component;

/**
 * What a person may deploy over engine-rest: decision tables in FEEL, nothing else.
 *
 * <p>Process owners deploy changed decision tables from Camunda Modeler ({@code process-owners},
 * docs/process-owners.md). The engine's one permission for that, CREATE on deployments, admits any
 * model, and a model can run code: a BPMN service task or listener names any Spring bean, a script
 * task runs a script, a DMN expression in JUEL ({@code ${storyService...}}) calls beans too. So a
 * deployment made by a signed-in user who is not a Camunda administrator is refused with a 400
 * (engine-rest shows the message, and so does Modeler) unless every file in it is a {@code .dmn}
 * whose expressions are all FEEL, which reads the decision's inputs and calls no Java (the engine
 * runs FEEL with external functions off). Processes and forms come from the repository, reviewed
 * and tested, and are deployed at start-up by {@code ModelDeployer}, which acts with no user.
 *
 * <p>A new version of an existing table must also keep its contract (hit policy, outputs' names,
 * types and declared values), which the processes and the Java code read: a process owner changes
 * rules, a developer changes contracts (ADR 0003).
 */
@Component
class DeploymentGuard extends AbstractProcessEnginePlugin {

  static final String ONLY_DECISIONS = "Only decision tables (.dmn) may be deployed from Camunda Modeler; '%s' is"
      + " not one. Processes and forms are released from the repository (docs/process-owners.md).";
  static final String ONLY_FEEL = "Decision tables deployed from Camunda Modeler use FEEL only; '%s' uses '%s' in %s."
      + " Remove the expression language so that FEEL applies (docs/process-owners.md).";
  static final String CONTRACT = "'%s' changes what the processes read from decision '%s' (was: %s; now: %s)."
      + " Change the rules only; a new output or hit policy needs a developer (docs/process-owners.md).";
  static final String NOT_DMN = "'%s' cannot be read as a DMN decision table: %s";

  /** The names by which Camunda's DMN engine selects FEEL (ExpressionEvaluationHandler). */
  private static final Set<String> FEEL = Set.of("feel", DmnModelConstants.FEEL_NS, DmnModelConstants.FEEL12_NS,
      DmnModelConstants.FEEL13_NS, DmnModelConstants.FEEL14_NS, DmnModelConstants.FEEL15_NS);

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<Deployer> deployers = configuration.getCustomPreDeployers() == null ? new ArrayList<>()
        : new ArrayList<>(configuration.getCustomPreDeployers());
    deployers.add(new CheckDeploymentsByPeople());
    configuration.setCustomPreDeployers(deployers);
  }

  /** Runs before the engine's own deployers, inside the deploying command: a refusal deploys nothing. */
  static final class CheckDeploymentsByPeople implements Deployer {
    @Override
    public void deploy(DeploymentEntity deployment) {
      if (!deployment.isNew() || deployment.getResources() == null) {
        return; // a deployment read back into the cache after a restart was checked when it was made
      }
      CommandContext command = Context.getCommandContext();
      Authentication who = command.getAuthentication();
      if (who == null || who.getUserId() == null || command.getAuthorizationManager().isCamundaAdmin(who)) {
        return; // ModelDeployer at start-up, the application itself, or an administrator
      }
      for (ResourceEntity resource : deployment.getResources().values()) {
        DmnModelInstance model = check(resource.getName(), resource.getBytes());
        keepsContract(resource.getName(), model, key -> latestModel(command, key));
      }
    }
  }

  /** The model of the latest deployed version of a decision, or null for a new key. */
  private static DmnModelInstance latestModel(CommandContext command, String key) {
    DecisionDefinitionEntity latest = command.getDecisionDefinitionManager().findLatestDecisionDefinitionByKey(key);
    if (latest == null) {
      return null;
    }
    ResourceEntity resource = command.getResourceManager()
        .findResourceByDeploymentIdAndResourceName(latest.getDeploymentId(), latest.getResourceName());
    return resource == null ? null : Dmn.readModelFromStream(new ByteArrayInputStream(resource.getBytes()));
  }

  /**
   * A table's contract is what the processes and the Java code read: its hit policy, its outputs'
   * names, types and declared values. Rules may change; the contract may not (a contract change is a
   * new decision key, released with its process: ADR 0003).
   */
  static void keepsContract(String name, DmnModelInstance model, Function<String, DmnModelInstance> latestByKey) {
    for (Decision decision : model.getModelElementsByType(Decision.class)) {
      DmnModelInstance latest = latestByKey.apply(decision.getId());
      if (latest == null) {
        continue;
      }
      Decision deployed = latest.getModelElementById(decision.getId());
      String was = deployed == null ? null : contract(deployed);
      String now = contract(decision);
      if (was != null && !was.equals(now)) {
        throw new BadUserRequestException(CONTRACT.formatted(name, decision.getId(), was, now));
      }
    }
  }

  static String contract(Decision decision) {
    if (!(decision.getExpression() instanceof DecisionTable table)) {
      return decision.getExpression() == null ? "none" : decision.getExpression().getElementType().getTypeName();
    }
    StringBuilder contract = new StringBuilder(String.valueOf(table.getHitPolicy()));
    if (table.getAggregation() != null) {
      contract.append(' ').append(table.getAggregation());
    }
    for (Output output : table.getOutputs()) {
      contract.append("; ").append(output.getName()).append(':').append(output.getTypeRef());
      if (output.getOutputValues() != null && output.getOutputValues().getText() != null) {
        contract.append(" {").append(output.getOutputValues().getText().getTextContent().replaceAll("\\s+", ""))
            .append('}');
      }
    }
    return contract.toString();
  }

  static DmnModelInstance check(String name, byte[] content) {
    if (name == null || !name.toLowerCase(Locale.ROOT).endsWith(".dmn")) {
      throw new BadUserRequestException(ONLY_DECISIONS.formatted(name));
    }
    DmnModelInstance model;
    try {
      model = Dmn.readModelFromStream(new ByteArrayInputStream(content == null ? new byte[0] : content));
    } catch (ModelException e) {
      throw new BadUserRequestException(NOT_DMN.formatted(name, e.getMessage()));
    }
    for (DmnElement element : model.getModelElementsByType(DmnElement.class)) {
      String language = element.getAttributeValue("expressionLanguage");
      if (language != null && !FEEL.contains(language) && !"feel".equalsIgnoreCase(language)) {
        String where = element.getElementType().getTypeName()
            + (element.getId() == null ? "" : " '" + element.getId() + "'");
        throw new BadUserRequestException(ONLY_FEEL.formatted(name, language, where));
      }
    }
    return model;
  }
}
