package io.careflow.protocol.returns;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** The warehouse reports a returned parcel (API.md "Returns"). */
@RestController
@Tag(name = "Returns")
public class ReturnArrivalController {

  private final ReturnArrivals arrivals;

  public ReturnArrivalController(ReturnArrivals arrivals) {
    this.arrivals = arrivals;
  }

  @Operation(summary = "A returned parcel arrived at the warehouse",
      description = "The return waiting for the parcel goes on to \"Inspect item\", which shows the parcel's state. "
          + "Integrations (the warehouse), agents and administrators.",
      responses = {
          @ApiResponse(responseCode = "204", description = "taken: the item waits for its inspection"),
          @ApiResponse(responseCode = "400", description = "bad input: every bad field under 'errors'",
              content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                  schema = @Schema(implementation = ProblemDetail.class))),
          @ApiResponse(responseCode = "404", description = "no return of this case waits for a parcel",
              content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                  schema = @Schema(implementation = ProblemDetail.class)))})
  @PostMapping(path = "/api/returns/{contactId}/arrival", consumes = MediaType.APPLICATION_JSON_VALUE)
  public ResponseEntity<Void> arrived(@PathVariable String contactId,
      @RequestBody(required = false) ReturnArrival arrival) {
    arrivals.arrived(contactId, arrival);
    return ResponseEntity.noContent().build();
  }
}
