package org.carevoice.system;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
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
 * processes/story-lifecycle.bpmn}), identical however the application is launched. All models go
 * in one deployment, so a process and the forms it binds to with {@code
 * camunda:formRefBinding="deployment"} always travel together; when nothing changed, nothing is
 * deployed.
 */
public class ModelDeployer {

  public static final String DEPLOYMENT_NAME = "carevoice-models";

  static final List<String> PATTERNS =
      List.of("processes/*.bpmn", "processes/*.dmn", "forms/*.form");

  private static final Logger LOG = LoggerFactory.getLogger(ModelDeployer.class);

  private final ResourcePatternResolver resolver;

  public ModelDeployer() {
    this(new PathMatchingResourcePatternResolver(ModelDeployer.class.getClassLoader()));
  }

  ModelDeployer(ResourcePatternResolver resolver) {
    this.resolver = resolver;
  }

  /** The models found on the class path, by the name they are deployed under. */
  public Map<String, Resource> findModels() {
    Map<String, Resource> models = new LinkedHashMap<>();
    for (String pattern : PATTERNS) {
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

  public DeploymentWithDefinitions deploy(ProcessEngine engine) {
    Map<String, Resource> models = findModels();
    if (models.isEmpty()) {
      throw new IllegalStateException("No process models found under processes/ on the class path");
    }
    DeploymentBuilder deployment =
        engine.getRepositoryService()
            .createDeployment()
            .name(DEPLOYMENT_NAME)
            .source("carevoice")
            // deployChangedOnly=false: all models or none, so forms stay with their processes.
            .enableDuplicateFiltering(false);
    models.forEach((name, resource) -> deployment.addInputStream(name, read(resource)));
    DeploymentWithDefinitions result = deployment.deployWithResult();
    if (result.getDeployedProcessDefinitions() == null || result.getDeployedProcessDefinitions().isEmpty()) {
      LOG.info("Models unchanged: {} resources already deployed", models.size());
    } else {
      LOG.info("Deployed {} resources as deployment {}", models.size(), result.getId());
    }
    return result;
  }

  private static InputStream read(Resource resource) {
    try {
      return resource.getInputStream();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read model " + resource, e);
    }
  }
}
