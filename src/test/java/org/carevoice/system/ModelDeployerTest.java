package org.carevoice.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.repository.Deployment;
import org.carevoice.CarevoiceTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * What a start-up deploys: the processes with their forms together, each decision table on its
 * own, nothing unchanged, and never the repository's unchanged table over a process owner's newer
 * version (ADR 0003). A start-up is {@link ModelDeployer#deploy}, the call the engine plugin makes.
 */
@CarevoiceTest
class ModelDeployerTest {

  @Autowired ModelDeployer deployer;
  @Autowired ProcessEngine engine;
  @Autowired RepositoryService repository;

  private final List<String> madeHere = new ArrayList<>();

  @AfterEach
  void removeDeploymentsMadeHere() {
    // Other tests share this engine: the repository's own versions become the latest again.
    madeHere.forEach(id -> repository.deleteDeployment(id, true));
  }

  @Test
  void modelsAreNamedByClassPathLocation_processesWithFormsAndDecisionsApart() {
    assertThat(deployer.findModels().keySet())
        .contains("processes/story-lifecycle.bpmn", "forms/moderate-story.form", "processes/response-due.dmn")
        .allMatch(name -> name.startsWith("processes/") || name.startsWith("forms/"));
    assertThat(repository.getDeploymentResourceNames(latest(ModelDeployer.DEPLOYMENT_NAME).getId()))
        .contains("processes/story-lifecycle.bpmn", "forms/moderate-story.form")
        .noneMatch(name -> name.endsWith(".dmn"));
    assertThat(latestDecision("response-due").getResourceName()).isEqualTo("processes/response-due.dmn");
    assertThat(deploymentOf(latestDecision("response-due")).getName()).isEqualTo(ModelDeployer.DECISIONS_DEPLOYMENT_NAME);
  }

  @Test
  void deployingUnchangedModelsAgain_createsNoNewVersion() {
    long deployments = repository.createDeploymentQuery().count();
    long processes = repository.createProcessDefinitionQuery().count();
    long decisions = repository.createDecisionDefinitionQuery().count();

    assertThat(deployer.deploy(engine)).isEmpty();

    assertThat(repository.createDeploymentQuery().count()).isEqualTo(deployments);
    assertThat(repository.createProcessDefinitionQuery().count()).isEqualTo(processes);
    assertThat(repository.createDecisionDefinitionQuery().count()).isEqualTo(decisions);
  }

  @Test
  void processOwnersDecision_staysLatestAcrossARestart_whenTheRepositoryFileIsUnchanged() {
    Deployment owners = deployAsModeler(ChangedModels.responseDueWithRoutineDays(9));
    long deployments = repository.createDeploymentQuery().count();

    assertThat(deployer.deploy(engine)).as("the restart deploys nothing").isEmpty();

    assertThat(repository.createDeploymentQuery().count()).isEqualTo(deployments);
    assertThat(latestDecision("response-due").getDeploymentId()).isEqualTo(owners.getId());
  }

  @Test
  void decisionChangedInTheRepository_isDeployedAloneAtTheNextRestart_andReplacesTheOwnersVersion() {
    Deployment owners = deployAsModeler(ChangedModels.responseDueWithRoutineDays(9));
    long processes = repository.createProcessDefinitionQuery().count();
    ModelDeployer release = new ModelDeployer(
        ChangedModels.withChangedFile(ChangedModels.RESPONSE_DUE, ChangedModels.responseDueWithRoutineDays(7)));

    List<Deployment> deployed = release.deploy(engine);
    deployed.forEach(d -> madeHere.add(d.getId()));

    assertThat(deployed).singleElement().satisfies(d -> {
      assertThat(d.getName()).isEqualTo(ModelDeployer.DECISIONS_DEPLOYMENT_NAME);
      assertThat(repository.getDeploymentResourceNames(d.getId())).containsExactly(ChangedModels.RESPONSE_DUE);
    });
    DecisionDefinition latest = latestDecision("response-due");
    assertThat(latest.getDeploymentId()).isEqualTo(deployed.get(0).getId());
    assertThat(repository.createDecisionDefinitionQuery().decisionDefinitionKey("response-due")
        .decisionDefinitionVersion(latest.getVersion() - 1).singleResult().getDeploymentId())
        .as("the owner's version stays in the history of versions").isEqualTo(owners.getId());
    assertThat(repository.createProcessDefinitionQuery().count()).as("no process redeployed").isEqualTo(processes);
    assertThat(release.deploy(engine)).as("and the restart after deploys nothing").isEmpty();
  }

  /** What Camunda Modeler's Deploy button sends: its own deployment name and source, the file by its name. */
  private Deployment deployAsModeler(String dmn) {
    Deployment deployment = repository.createDeployment().name("response-due").source("Camunda Modeler")
        .enableDuplicateFiltering(false)
        .addInputStream("response-due.dmn", new ByteArrayInputStream(dmn.getBytes(StandardCharsets.UTF_8)))
        .deploy();
    madeHere.add(deployment.getId());
    return deployment;
  }

  private Deployment latest(String name) {
    return repository.createDeploymentQuery().deploymentName(name).orderByDeploymentTime().desc().list().get(0);
  }

  private DecisionDefinition latestDecision(String key) {
    return repository.createDecisionDefinitionQuery().decisionDefinitionKey(key).latestVersion().singleResult();
  }

  private Deployment deploymentOf(DecisionDefinition decision) {
    return repository.createDeploymentQuery().deploymentId(decision.getDeploymentId()).singleResult();
  }
}
