package io.careflow.system;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.event.HistoricVariableUpdateEventEntity;
import org.camunda.bpm.engine.impl.history.handler.DbHistoryEventHandler;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * History level {@code full} without the row per variable change ({@code ACT_HI_DETAIL}): nobody
 * reads those — the case page, the timeline and Cockpit show a variable's value
 * ({@code ACT_HI_VARINST}, still written) and the decisions with their inputs and outputs (still
 * written) — and they were the largest share of what a contact writes (BENCHMARKS.md, rows of a
 * contact). {@code careflow.history.variable-changes=true} writes them again.
 */
@Component
@ConditionalOnProperty(name = "careflow.history.variable-changes", havingValue = "false", matchIfMissing = true)
public class VariableHistoryPlugin extends AbstractProcessEnginePlugin {

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<HistoryEventHandler> handlers = new ArrayList<>();
    if (configuration.getCustomHistoryEventHandlers() != null) {
      handlers.addAll(configuration.getCustomHistoryEventHandlers());
    }
    handlers.add(new DbHistoryEventHandler() {
      @Override
      protected boolean shouldWriteHistoricDetail(HistoricVariableUpdateEventEntity event) {
        return false;
      }
    });
    configuration.setEnableDefaultDbHistoryEventHandler(false);
    configuration.setCustomHistoryEventHandlers(handlers);
  }
}
