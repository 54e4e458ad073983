package io.careflow.files;

import io.careflow.system.EveryUserTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.stereotype.Component;

/**
 * Gives every user task of every model the {@link FilesOnTaskForms} listener on create, so a
 * designer's new task can show the customer's files (the form block {@code customer-files})
 * without Java.
 */
@Component
public class FilesOnTaskFormsPlugin extends AbstractProcessEnginePlugin {

  static final String LISTENER = "${filesOnTaskForms}";

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    EveryUserTask.add(configuration, (definition, element) ->
        definition.addBuiltInTaskListener(TaskListener.EVENTNAME_CREATE, EveryUserTask.bean(configuration, LISTENER)));
  }
}
