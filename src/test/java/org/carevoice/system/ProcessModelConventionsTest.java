package org.carevoice.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.BusinessRuleTask;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaTaskListener;
import org.carevoice.CarevoiceTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.core.io.Resource;

/** The habits every model in processes/ keeps, checked so that a model that breaks one fails the build. */
@CarevoiceTest
class ProcessModelConventionsTest {

  private static final Pattern MODELER_DEFAULT_ID =
      Pattern.compile("(Activity|Gateway|Event|StartEvent|EndEvent|Flow|Task|UserTask|ServiceTask)_[0-9a-z]{5,8}");
  private static final Pattern DELEGATE_EXPRESSION = Pattern.compile("\\$\\{([a-z][A-Za-z]+)}");

  private static final String CAMUNDA_NS = "http://camunda.org/schema/1.0/bpmn";

  @Autowired ModelDeployer deployer;
  @Autowired ApplicationContext context;

  @Test
  void everyProcess_hasHistoryTimeToLiveAndStableIds() throws Exception {
    for (BpmnModelInstance model : models()) {
      for (Process process : model.getModelElementsByType(Process.class)) {
        assertThat(process.getCamundaHistoryTimeToLiveString()).as(process.getId() + " historyTimeToLive").isNotBlank();
      }
      Collection<BaseElement> elements = model.getModelElementsByType(BaseElement.class);
      assertThat(elements).extracting(BaseElement::getId)
          .noneMatch(id -> id != null && MODELER_DEFAULT_ID.matcher(id).matches());
    }
  }

  /**
   * Service tasks that run in the job of the service task before them, on purpose: the identifier scan
   * follows screening in one job (docs/adr/0005-one-save-point-per-story-and-history-per-event.md).
   */
  private static final java.util.Set<String> RUN_IN_PREDECESSORS_JOB = java.util.Set.of("serviceTask_scanIdentifiers");

  @Test
  void everyServiceTask_isAJavaDelegateBeanNamedAfterTheTask() throws Exception {
    for (BpmnModelInstance model : models()) {
      for (ServiceTask task : model.getModelElementsByType(ServiceTask.class)) {
        assertThat(task.getCamundaClass()).as(task.getId() + " uses camunda:class").isNull();
        String bean = beanName(task.getCamundaDelegateExpression(), task);
        assertThat(context.getBean(bean)).as(bean).isInstanceOf(JavaDelegate.class);
        assertThat(bean).endsWith("Delegate");
        assertThat(task.getId()).startsWith("serviceTask_");
        if (RUN_IN_PREDECESSORS_JOB.contains(task.getId())) {
          // No save point of its own: it runs in the job of the service task before it, which must be one.
          assertThat(task.isCamundaAsyncBefore()).as(task.getId() + " runs in its predecessor's job").isFalse();
          assertThat(task.getIncoming()).hasSize(1);
          FlowNode before = task.getIncoming().iterator().next().getSource();
          assertThat(before).as(task.getId() + " follows a service task").isInstanceOf(ServiceTask.class);
          assertThat(((ServiceTask) before).isCamundaAsyncBefore()).as(before.getId() + " is a save point").isTrue();
        } else {
          assertThat(task.isCamundaAsyncBefore()).as(task.getId() + " is a save point").isTrue();
        }
      }
    }
  }

  @Test
  void everyUserTask_hasAFormAndItsListenersAreBeans() throws Exception {
    Map<String, Resource> resources = deployer.findModels();
    for (BpmnModelInstance model : models()) {
      for (UserTask task : model.getModelElementsByType(UserTask.class)) {
        assertThat(task.getId()).startsWith("userTask_");
        String formRef = task.getAttributeValueNs("http://camunda.org/schema/1.0/bpmn", "formRef");
        assertThat(resources).as(task.getId() + " form").containsKey("forms/" + formRef + ".form");
        for (CamundaTaskListener listener : task.getExtensionElements().getElementsQuery()
            .filterByType(CamundaTaskListener.class).list()) {
          assertThat(context.getBean(beanName(listener.getCamundaDelegateExpression(), task)))
              .isInstanceOf(TaskListener.class);
        }
      }
    }
  }

  /**
   * Camunda's silent default is "latest"; each call says which version it wants (ADR 0003). The
   * decision tables are deployed apart from the processes (ModelDeployer), so a call bound to its
   * own deployment would find no table: teach ModelDeployer first, then allow it here.
   */
  @Test
  void everyBusinessRuleTask_choosesTheLatestDecisionOnPurpose() throws Exception {
    Map<String, Resource> resources = deployer.findModels();
    List<BusinessRuleTask> calls = new ArrayList<>();
    models().forEach(model -> calls.addAll(model.getModelElementsByType(BusinessRuleTask.class)));
    assertThat(calls).isNotEmpty().allSatisfy(task -> {
      assertThat(task.getAttributeValueNs(CAMUNDA_NS, "decisionRefBinding")).as(task.getId() + " decisionRefBinding")
          .isEqualTo("latest");
      String decision = task.getCamundaDecisionRef();
      assertThat(resources).as(task.getId() + " calls a decision table of the repository")
          .containsKey("processes/" + decision + ".dmn");
    });
  }

  @Test
  void everyFlowElementHasAName() throws Exception {
    for (BpmnModelInstance model : models()) {
      List<String> unnamed = new ArrayList<>();
      for (FlowElement element : model.getModelElementsByType(FlowElement.class)) {
        boolean needsName = !(element instanceof org.camunda.bpm.model.bpmn.instance.SequenceFlow);
        if (needsName && (element.getName() == null || element.getName().isBlank())) {
          unnamed.add(element.getId());
        }
      }
      assertThat(unnamed).as("elements without a name, shown in Cockpit").isEmpty();
    }
  }

  private static String beanName(String expression, BaseElement element) {
    var matcher = DELEGATE_EXPRESSION.matcher(expression == null ? "" : expression);
    assertThat(matcher.matches()).as(element.getId() + " delegateExpression ${beanName}").isTrue();
    return matcher.group(1);
  }

  private List<BpmnModelInstance> models() throws Exception {
    List<BpmnModelInstance> models = new ArrayList<>();
    for (var entry : deployer.findModels().entrySet()) {
      if (entry.getKey().endsWith(".bpmn")) {
        try (var in = entry.getValue().getInputStream()) {
          models.add(Bpmn.readModelFromStream(in));
        }
      }
    }
    assertThat(models).isNotEmpty();
    return models;
  }
}
