package io.careflow.question;

import io.careflow.casefile.CaseVariables;
import io.careflow.system.EveryCommand;
import java.lang.reflect.Field;
import java.util.Map;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.CommandChecker;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitTaskFormCmd;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * "Complete" with a question for the customer asks instead of completing, for every task of
 * every model, from Tasklist, the REST API or Java alike: a completion (or form submission)
 * whose values carry a non-blank {@value CustomerQuestions#FORM_QUESTION} becomes
 * {@link CustomerQuestions#ask} in the same transaction, after the same check that the caller
 * may work on the task. None of the other values is kept — the task is not done, and the agent
 * completes it later with the form as it is then. The completion commands keep the task and its
 * values in fields of their own, read here by name (the engine offers no other way in).
 */
@Component
public class AskCustomerPlugin extends AbstractProcessEnginePlugin {

  private final ObjectProvider<CustomerQuestions> questions;

  public AskCustomerPlugin(ObjectProvider<CustomerQuestions> questions) {
    this.questions = questions;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    EveryCommand.addInsideContext(configuration, new AskInsteadOfCompleting(questions));
  }

  static final class AskInsteadOfCompleting extends CommandInterceptor {

    private final ObjectProvider<CustomerQuestions> questions;

    AskInsteadOfCompleting(ObjectProvider<CustomerQuestions> questions) {
      this.questions = questions;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> T execute(Command<T> command) {
      String field = command instanceof SubmitTaskFormCmd ? "properties"
          : command instanceof CompleteTaskCmd ? "variables" : null;
      if (field != null) {
        Map<String, Object> values = (Map<String, Object>) read(command, field);
        Object question = values == null ? null : values.get(CustomerQuestions.FORM_QUESTION);
        if (question != null && !question.toString().isBlank()) {
          String taskId = (String) read(command, "taskId");
          next.execute(context -> ask(context, taskId, question.toString().strip()));
          return (T) Variables.createVariables();
        }
      }
      return next.execute(command);
    }

    private Void ask(CommandContext context, String taskId, String question) {
      TaskEntity task = context.getTaskManager().findTaskById(taskId);
      if (task == null) {
        throw new org.camunda.bpm.engine.exception.NullValueException("Cannot find task with id " + taskId);
      }
      for (CommandChecker checker : context.getProcessEngineConfiguration().getCommandCheckers()) {
        checker.checkTaskWork(task);
      }
      String actor = context.getAuthenticatedUserId() != null ? context.getAuthenticatedUserId()
          : task.getAssignee() != null ? task.getAssignee() : "system";
      var asking = new CustomerQuestions.AskingTask(task.getId(), task.getName(), CaseVariables.contactId(task));
      // the agent may work on the task (checked above); sending, pausing the case's clocks and
      // their watchers is careflow's own doing
      return context.runWithoutAuthorization(() -> {
        questions.getObject().ask(asking, question, actor);
        return null;
      });
    }

    private static Object read(Object command, String name) {
      try {
        Field field = command.getClass().getDeclaredField(name);
        field.setAccessible(true);
        return field.get(command);
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException("The engine's " + command.getClass().getSimpleName() + " has no field "
            + name + ": careflow's ask-the-customer needs a change for this engine version", e);
      }
    }
  }
}
