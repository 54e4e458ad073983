package io.careflow.communication;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.incident.IncidentContext;
import org.camunda.bpm.engine.impl.incident.IncidentHandler;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.runtime.Incident;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The moment a sending step has used its last attempt is the moment the engine opens its
 * failed-job incident: this plugin hands that moment, in the same transaction as the incident,
 * to {@link UndeliveredMessages}. Every other incident is left as the engine makes it.
 */
@Component
public class UndeliveredIncidentPlugin extends AbstractProcessEnginePlugin {

  private final ObjectProvider<UndeliveredMessages> undelivered;

  public UndeliveredIncidentPlugin(ObjectProvider<UndeliveredMessages> undelivered) {
    this.undelivered = undelivered;
  }

  @Override
  public void postInit(ProcessEngineConfigurationImpl configuration) {
    IncidentHandler engines = configuration.getIncidentHandler(Incident.FAILED_JOB_HANDLER_TYPE);
    configuration.getIncidentHandlers().put(Incident.FAILED_JOB_HANDLER_TYPE, new GaveUp(engines));
  }

  private final class GaveUp implements IncidentHandler {

    private final IncidentHandler engines;

    GaveUp(IncidentHandler engines) {
      this.engines = engines;
    }

    @Override
    public String getIncidentHandlerType() {
      return engines.getIncidentHandlerType();
    }

    @Override
    public Incident handleIncident(IncidentContext context, String message) {
      Incident incident = engines.handleIncident(context, message);
      if (context.getExecutionId() != null && Context.getCommandContext() != null) {
        ExecutionEntity execution = Context.getCommandContext().getExecutionManager()
            .findExecutionById(context.getExecutionId());
        if (execution != null) {
          String activityId = context.getActivityId() != null ? context.getActivityId()
              : context.getFailedActivityId();
          undelivered.getObject().stepGaveUp(execution.getProcessInstanceId(), activityId, message);
        }
      }
      return incident;
    }

    @Override
    public void resolveIncident(IncidentContext context) {
      engines.resolveIncident(context);
    }

    @Override
    public void deleteIncident(IncidentContext context) {
      engines.deleteIncident(context);
    }
  }
}
