package io.careflow.customer;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Size;

/**
 * Addresses an agent links to the customer by hand ({@code POST /api/customers/{id}/identities}),
 * e.g. the number a customer gave on the phone; at least one of the two.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record NewIdentity(
    @Email(message = "must be an e-mail address", regexp = "[^@\\s]+@[^@\\s]+\\.[^@\\s]+")
    @Size(max = 320) String email,
    @Schema(example = "+48600100200") @Size(max = 40) String phone) {}
