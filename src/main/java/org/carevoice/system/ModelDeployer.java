package org.carevoice.system;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.engine.repository.DeploymentWithDefinitions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.core.io.support.ResourcePatternResolver;

/**
 * Deploys the models in {@code processes/} and {@code forms/} when the engine starts.
 *
 * <p>The starter's auto-deployment names a resource by its file-system path under {@code
 * spring-boot:run} and by its URL inside a jar, so switching between the two would deploy new
 * versions of unchanged models. Here every resource is named by its class-path location ({@code
 * processes/story-lifecycle.bpmn}), identical however the application is launched.
 *
 * <p>Two deployments, because the two kinds of model are versioned differently (ADR 0003):
 *
 * <ul>
 *   <li>{@value #DEPLOYMENT_NAME}: the processes and their forms, all together or none, so a process
 *       and the forms it binds to with {@code camunda:formRefBinding="deployment"} always travel
 *       together. Deployed when any of them changed.
 *   <li>{@value #DECISIONS_DEPLOYMENT_NAME}: the decision tables, each on its own. Processes call
 *       them with {@code camunda:decisionRefBinding="latest"}, so a process owner may deploy a
 *       changed table from Camunda Modeler without a release. A table is deployed here only when
 *       its file differs from the version this repository deployed last: a restart never replaces
 *       a process owner's newer version with the repository's unchanged file, and a release whose
 *       file did change replaces it (and says so in the log).
 * </ul>
 *
 * <p>The engine compares each file with the latest resource of the same name in deployments of the
 * same name and source, so deployments made from Camunda Modeler (another name, source "Camunda
 * Modeler") never count as the repository's. Nothing is deployed when nothing changed.
 */
public class ModelDeployer {

  public static final String DEPLOYMENT_NAME = "carevoice-models";
  public static final String DECISIONS_DEPLOYMENT_NAME = "carevoice-decisions";
  /** The source of the repository's deployments; process owners' deployments carry another. */
  public static final String SOURCE = "carevoice";

  static final List<String> PROCESS_PATTERNS = List.of("processes/*.bpmn", "forms/*.form");
  static final List<String> DECISION_PATTERNS = List.of("processes/*.dmn");

  private static final Logger LOG = LoggerFactory.getLogger(ModelDeployer.class);

  private final ResourcePatternResolver resolver;

  public ModelDeployer() {
    this(new PathMatchingResourcePatternResolver(ModelDeployer.class.getClassLoader()));
  }

  ModelDeployer(ResourcePatternResolver resolver) {
    this.resolver = resolver;
  }

  /** Every model found on the class path, by the name it is deployed under. */
  public Map<String, Resource> findModels() {
    Map<String, Resource> models = find(PROCESS_PATTERNS);
    find(DECISION_PATTERNS).forEach(models::putIfAbsent);
    return models;
  }

  /**
   * Deploys what changed: the processes with their forms (all of them, if any changed), then each
   * decision table whose file changed since this repository last deployed it.
   *
   * @return the deployments made now, none when nothing changed
   */
  public List<Deployment> deploy(ProcessEngine engine) {
    Map<String, Resource> processes = find(PROCESS_PATTERNS);
    Map<String, Resource> decisions = find(DECISION_PATTERNS);
    if (processes.isEmpty()) {
      throw new IllegalStateException("No process models found under processes/ on the class path");
    }
    RepositoryService repository = engine.getRepositoryService();
    List<Deployment> deployed = new ArrayList<>();
    // Decisions first: a changed process calls the latest version of its decisions from its first case.
    if (!decisions.isEmpty()) {
      // deployChangedOnly: each table on its own, compared with the repository's last version of it.
      DeploymentWithDefinitions result = deploy(repository, DECISIONS_DEPLOYMENT_NAME, decisions, true);
      if (result != null) {
        warnOfReplacedOwnerVersions(repository, result);
        deployed.add(result);
      }
    }
    // deployChangedOnly=false: all processes and forms or none, so forms stay with their processes.
    DeploymentWithDefinitions result = deploy(repository, DEPLOYMENT_NAME, processes, false);
    if (result != null) {
      deployed.add(result);
    }
    return deployed;
  }

  /** The new deployment, or null when the engine found every file unchanged. */
  private static DeploymentWithDefinitions deploy(RepositoryService repository, String name,
      Map<String, Resource> models, boolean changedOnly) {
    DeploymentBuilder builder = repository.createDeployment().name(name).source(SOURCE)
        .enableDuplicateFiltering(changedOnly);
    models.forEach((resourceName, resource) -> builder.addInputStream(resourceName, read(resource)));
    DeploymentWithDefinitions result = builder.deployWithResult();
    if (!isNew(result)) {
      LOG.info("{}: unchanged, {} resources already deployed", name, models.size());
      return null;
    }
    LOG.info("{}: deployed {} as deployment {}", name, repository.getDeploymentResourceNames(result.getId()),
        result.getId());
    return result;
  }

  /**
   * The engine answers with the existing deployment when everything was filtered as a duplicate;
   * a deployment made now has definitions of its own.
   */
  private static boolean isNew(DeploymentWithDefinitions result) {
    return notEmpty(result.getDeployedProcessDefinitions()) || notEmpty(result.getDeployedDecisionDefinitions())
        || notEmpty(result.getDeployedDecisionRequirementsDefinitions()) || notEmpty(result.getDeployedCaseDefinitions());
  }

  private static boolean notEmpty(List<?> list) {
    return list != null && !list.isEmpty();
  }

  /**
   * A release that changed a decision table replaces whatever version was latest, a process
   * owner's too: say so, so that an owner's change that was never committed to {@code processes/}
   * is noticed (docs/process-owners.md).
   */
  private static void warnOfReplacedOwnerVersions(RepositoryService repository, DeploymentWithDefinitions result) {
    for (DecisionDefinition decision : result.getDeployedDecisionDefinitions()) {
      if (decision.getVersion() <= 1) {
        continue;
      }
      DecisionDefinition previous = repository.createDecisionDefinitionQuery()
          .decisionDefinitionKey(decision.getKey()).decisionDefinitionVersion(decision.getVersion() - 1)
          .withoutTenantId().singleResult();
      if (previous == null) {
        continue;
      }
      Deployment owner = repository.createDeploymentQuery().deploymentId(previous.getDeploymentId()).singleResult();
      if (owner != null && !SOURCE.equals(owner.getSource())) {
        LOG.warn("Decision '{}': {} changed in this release and is now version {}; it replaces version {}, deployed"
            + " as '{}' from {} at {}. If that version held a process owner's change, commit it to processes/ and"
            + " deploy again (docs/process-owners.md).", decision.getKey(), decision.getResourceName(),
            decision.getVersion(), previous.getVersion(), owner.getName(), owner.getSource(),
            owner.getDeploymentTime().toInstant());
      }
    }
  }

  private Map<String, Resource> find(List<String> patterns) {
    Map<String, Resource> models = new LinkedHashMap<>();
    for (String pattern : patterns) {
      String folder = pattern.substring(0, pattern.indexOf('/') + 1);
      try {
        for (Resource resource : resolver.getResources("classpath*:" + pattern)) {
          models.putIfAbsent(folder + resource.getFilename(), resource);
        }
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot list models matching " + pattern, e);
      }
    }
    return models;
  }

  private static InputStream read(Resource resource) {
    try {
      return resource.getInputStream();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read model " + resource, e);
    }
  }
}
