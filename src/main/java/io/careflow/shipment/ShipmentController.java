package io.careflow.shipment;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.security.Principal;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Carrier events from the shop's shipping integration (API.md "Carrier events"). */
@RestController
@Tag(name = "Shipments")
public class ShipmentController {

  private final ShipmentEventService service;

  public ShipmentController(ShipmentEventService service) {
    this.service = service;
  }

  @Operation(summary = "A carrier's tracking event: the customer of the order is told unasked",
      description = "SHIPPED, OUT_FOR_DELIVERY and DELIVERED send the customer a message in the channel they use; "
          + "DELAYED sends an apology with the new date and opens an agent task with its own deadline. "
          + "The same trackingId + status + at again is answered with the first event (duplicate: true) and sends "
          + "nothing. Integrations and administrators only.",
      responses = {
          @ApiResponse(responseCode = "202", description = "stored (or known already); the message follows"),
          @ApiResponse(responseCode = "400", description = "bad input: every bad field under 'errors'; nothing stored",
              content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                  schema = @Schema(implementation = ProblemDetail.class))),
          @ApiResponse(responseCode = "413", description = "body over the size limit; nothing stored",
              content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                  schema = @Schema(implementation = ProblemDetail.class))),
          @ApiResponse(responseCode = "422", description = "careflow knows no customer of the order and the event "
              + "carries none; nothing stored", content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                  schema = @Schema(implementation = ProblemDetail.class)))})
  @PostMapping(path = "/api/shipments/events", consumes = MediaType.APPLICATION_JSON_VALUE)
  public ResponseEntity<ShipmentEventAccepted> receive(@RequestBody(required = false) CarrierEvent event,
      Principal user) {
    return ResponseEntity.accepted().body(service.receive(event, user.getName()));
  }
}
