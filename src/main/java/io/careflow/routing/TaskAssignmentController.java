package io.careflow.routing;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.security.Principal;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** A team lead reassigns a task by hand; the reason is shown in the task form and kept. */
@RestController
@Tag(name = "Routing")
public class TaskAssignmentController {

  private final ManualReassignment reassignment;

  public TaskAssignmentController(ManualReassignment reassignment) {
    this.reassignment = reassignment;
  }

  @Operation(summary = "Give an open task to an agent, with a reason (team leads)",
      description = "The agent must be available (409 when away). The reason is the task form's "
          + "\"Why this task came to you\" and an event on the contact's record.")
  @PostMapping(path = "/api/tasks/{taskId}/assignment", consumes = MediaType.APPLICATION_JSON_VALUE)
  public AssignmentView reassign(@PathVariable String taskId, @RequestBody(required = false) Reassignment request,
      Principal lead) {
    return reassignment.reassign(taskId, request, lead.getName());
  }
}
