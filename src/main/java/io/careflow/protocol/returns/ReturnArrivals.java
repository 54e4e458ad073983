package io.careflow.protocol.returns;

import io.careflow.system.NotFoundException;
import io.careflow.system.RequestValidator;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A returned parcel arrived: the return that waits for it ("Wait for the returned parcel", on no
 * agent's list while the parcel travels) goes on to the inspection, with the state of the parcel.
 * Only a case waiting for its parcel takes it; any other is told so (404).
 */
@Service
public class ReturnArrivals {

  private final RuntimeService runtimeService;
  private final RequestValidator validator;

  public ReturnArrivals(RuntimeService runtimeService, RequestValidator validator) {
    this.runtimeService = runtimeService;
    this.validator = validator;
  }

  @Transactional
  public void arrived(String contactId, ReturnArrival arrival) {
    validator.check(arrival == null ? new ReturnArrival(null) : arrival).throwIfInvalid();
    boolean waiting = runtimeService.createExecutionQuery().processInstanceBusinessKey(contactId)
        .activityId(ReturnProcess.Elements.RECEIVE_RETURNED_ITEM).messageEventSubscriptionName(
            ReturnProcess.MESSAGE_RETURNED_ITEM_ARRIVED).count() > 0;
    if (!waiting) {
      throw new NotFoundException("No return of case " + contactId + " waits for its parcel");
    }
    String notes = arrival == null || arrival.parcelNotes() == null || arrival.parcelNotes().isBlank() ? null
        : arrival.parcelNotes().strip();
    runtimeService.createMessageCorrelation(ReturnProcess.MESSAGE_RETURNED_ITEM_ARRIVED)
        .processInstanceBusinessKey(contactId)
        .setVariables(Variables.createVariables().putValue(ReturnProcess.ITEM_RECEIVED, true)
            .putValue(ReturnProcess.PARCEL_NOTES, notes))
        .correlateWithResult();
  }
}
