package io.careflow.shipment;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * A well-formed carrier event for an order careflow cannot lead to a customer: no event linked
 * it, no contact named it, and the event carries no customer. 422 problem+json naming the order
 * (Spring's {@link ErrorResponseException}, answered by the API's exception handler as it is).
 */
class UnknownOrderException extends ErrorResponseException {

  UnknownOrderException(String orderId) {
    super(HttpStatus.UNPROCESSABLE_ENTITY, problem(orderId), null);
  }

  private static ProblemDetail problem(String orderId) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_ENTITY,
        "careflow knows no customer of order " + orderId + ": no contact named it and no earlier event linked it. "
            + "Send the event with its customer (e-mail or phone).");
    problem.setTitle("Unknown order");
    problem.setProperty("orderId", orderId);
    return problem;
  }
}
