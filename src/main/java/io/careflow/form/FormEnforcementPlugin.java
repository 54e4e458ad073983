package io.careflow.form;

import io.careflow.system.EveryUserTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.stereotype.Component;

/**
 * Gives every user task that shows a Camunda Form ({@code camunda:formRef}) the
 * {@link EnforceTaskFormListener} on complete, in every model, so a task a designer adds in
 * Camunda Modeler is checked against its form without Java. It runs first of all complete
 * listeners: a refused completion then refuses with the form's whole verdict, before any
 * other listener has acted on the values.
 */
@Component
public class FormEnforcementPlugin extends AbstractProcessEnginePlugin {

  static final String LISTENER = "${enforceTaskFormListener}";

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    // first of all: built-in listeners run in the order the parse listeners add them
    EveryUserTask.addFirst(configuration, (definition, element) -> {
      if (definition.getCamundaFormDefinitionKey() != null) {
        definition.addBuiltInTaskListener(TaskListener.EVENTNAME_COMPLETE, EveryUserTask.bean(configuration, LISTENER));
      }
    });
  }
}
