package io.careflow.form;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.exception.NotFoundException;
import org.camunda.bpm.engine.form.CamundaFormRef;
import org.camunda.bpm.engine.impl.cmd.GetCamundaFormDefinitionCmd;
import org.camunda.bpm.engine.impl.cmd.GetDeploymentResourceCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.repository.CamundaFormDefinition;
import org.springframework.stereotype.Component;

/**
 * The Camunda Form a user task shows, found as the engine finds it for Tasklist: the task's
 * {@code camunda:formRef} (an expression is evaluated on the task) with its binding —
 * {@code latest} deployed version, the one of the process's own {@code deployment}, or a
 * fixed {@code version}. Each form definition is read and parsed once: a deployed definition
 * never changes, a new version is a new definition.
 */
@Component
public class DeployedTaskForms {

  private final Map<String, CamundaForm> parsed = new ConcurrentHashMap<>();

  /**
   * The form of the task, inside the engine's command that handles it; empty when the task
   * has no Camunda Form (no {@code camunda:formRef}).
   *
   * @throws NotFoundException when the task names a form that is not deployed (Tasklist cannot
   *                           show it either)
   */
  public Optional<CamundaForm> of(DelegateTask task) {
    if (!(task instanceof TaskEntity entity) || entity.getTaskDefinition() == null
        || entity.getTaskDefinition().getCamundaFormDefinitionKey() == null) {
      return Optional.empty();
    }
    // evaluates camunda:formRef and its version on the task, as the engine does to render the
    // form; an expression there sees the submitted values too
    entity.initializeFormKey();
    CamundaFormRef ref = entity.getCamundaFormRef();
    if (ref == null) {
      return Optional.empty();
    }
    CommandContext commands = Context.getCommandContext();
    String processDeployment = commands.getProcessEngineConfiguration().getDeploymentCache()
        .findDeployedProcessDefinitionById(task.getProcessDefinitionId()).getDeploymentId();
    CamundaFormDefinition definition = commands.runWithoutAuthorization(
        new GetCamundaFormDefinitionCmd(ref, processDeployment));
    if (definition == null) {
      throw new NotFoundException("No Camunda Form " + ref.getKey() + " (binding " + ref.getBinding()
          + (ref.getVersion() == null ? "" : ", version " + ref.getVersion()) + ") for task " + task.getId());
    }
    return Optional.of(parsed.computeIfAbsent(definition.getId(), id -> CamundaForms.parse(read(commands, definition))));
  }

  private static String read(CommandContext commands, CamundaFormDefinition definition) {
    try (InputStream in = commands.runWithoutAuthorization(
        new GetDeploymentResourceCmd(definition.getDeploymentId(), definition.getResourceName()))) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
