package org.carevoice.system;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.Deployment;
import org.carevoice.CarevoiceTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@CarevoiceTest
class ModelDeployerTest {

  @Autowired ModelDeployer deployer;
  @Autowired ProcessEngine engine;
  @Autowired RepositoryService repository;

  @Test
  void modelsAreNamedByClassPathLocation_howeverTheAppIsLaunched() {
    assertThat(deployer.findModels().keySet())
        .contains("processes/story-lifecycle.bpmn", "forms/moderate-story.form")
        .allMatch(name -> name.startsWith("processes/") || name.startsWith("forms/"));
    Deployment deployment = repository.createDeploymentQuery().deploymentName(ModelDeployer.DEPLOYMENT_NAME)
        .orderByDeploymentTime().desc().list().get(0);
    assertThat(repository.getDeploymentResourceNames(deployment.getId()))
        .contains("processes/story-lifecycle.bpmn", "forms/moderate-story.form");
  }

  @Test
  void deployingUnchangedModelsAgain_createsNoNewVersion() {
    long deployments = repository.createDeploymentQuery().count();
    long definitions = repository.createProcessDefinitionQuery().count();

    deployer.deploy(engine);

    assertThat(repository.createDeploymentQuery().count()).isEqualTo(deployments);
    assertThat(repository.createProcessDefinitionQuery().count()).isEqualTo(definitions);
  }
}
