package io.careflow.protocol.returns;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Size;

/** The warehouse's word that a returned parcel arrived, with what it saw of the parcel. */
public record ReturnArrival(
    @Schema(description = "the state of the parcel as it arrived (shown to the agent who inspects the item)",
        example = "Box dented, item wrapped")
    @Size(max = 2000) String parcelNotes) {}
