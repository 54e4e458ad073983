package io.careflow.shipment;

import io.careflow.casefile.CaseVariables;
import java.util.Date;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Service;

/** Starts {@code shipment.bpmn} for a stored carrier event; the only starter of that process. */
@Service
public class ShipmentProcessStarter {

  private final RuntimeService runtimeService;

  public ShipmentProcessStarter(RuntimeService runtimeService) {
    this.runtimeService = runtimeService;
  }

  /** @return the process instance id; the business key is the event's id */
  public String start(ShipmentEvent event) {
    return runtimeService.createProcessInstanceByKey(ShipmentProcess.KEY)
        .businessKey(event.id())
        .setVariables(Variables.createVariables()
            .putValue(ShipmentProcess.EVENT_ID, event.id())
            .putValue(ShipmentProcess.STATUS, event.status().name())
            .putValue(ShipmentProcess.ORDER_ID, event.orderId())
            .putValue(ShipmentProcess.TRACKING_ID, event.trackingId())
            .putValue(CaseVariables.CUSTOMER_ID, event.customerId())
            // a delay's deadline counts from the event's arrival, whatever happened since
            .putValue(CaseVariables.RECEIVED_AT, Date.from(event.receivedAt())))
        .execute()
        .getProcessInstanceId();
  }
}
