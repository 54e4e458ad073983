package io.careflow.deployment;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Which version of each model runs, and whether it is the file in {@code processes/} /
 * {@code forms/}: for designers who deploy from Camunda Modeler, and for managers and
 * administrators.
 */
@RestController
@Tag(name = "Models")
public class ModelController {

  private final ModelDrift drift;

  public ModelController(ModelDrift drift) {
    this.drift = drift;
  }

  /** Every model of the files: its newest deployed version and whether that version is the file. */
  public record Models(int models, int drifted, List<ModelDrift.ModelState> details) {}

  @Operation(summary = "Each model's running version against its file",
      description = "Designers, managers, administrators. matchesFile false: the newest deployed version (e.g. "
          + "deployed from Camunda Modeler) is not the file in processes/ or forms/")
  @GetMapping("/api/models")
  public Models models() {
    List<ModelDrift.ModelState> states = drift.models();
    return new Models(states.size(), (int) states.stream().filter(s -> !s.matchesFile()).count(), states);
  }
}
