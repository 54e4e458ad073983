package io.careflow.system;

import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.security.SecurityScheme;
import org.springframework.context.annotation.Configuration;

/** careflow's API as OpenAPI at /v3/api-docs, with Swagger UI at /swagger-ui.html. */
@Configuration
@OpenAPIDefinition(
    info = @Info(title = "careflow API", version = "1",
        description = "Customer contacts, missed calls and their cases. Errors are RFC 9457 problem+json; "
            + "bad input lists each bad field under 'errors'."),
    security = @SecurityRequirement(name = "basic"))
@SecurityScheme(name = "basic", type = SecuritySchemeType.HTTP, scheme = "basic",
    description = "A user of careflow's user directory (the Camunda identity service)")
class OpenApiConfiguration {}
