package io.careflow.users;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** The operator's import of staff and their groups (docs/operations.md, "Users and roles"). */
@RestController
@Tag(name = "Operations")
public class UserImportController {

  static final String PATH = "/api/users/import";

  private final UserImport users;

  public UserImportController(UserImport users) {
    this.users = users;
  }

  @Operation(summary = "Import users and their group memberships from a YAML file; all or nothing, idempotent",
      description = "Administrators only. The body is the file (application/yaml). A file with an unknown group, a "
          + "user named twice, a weak password or a bad e-mail is refused whole (400, each problem with its line).")
  @PostMapping(path = PATH, consumes = "*/*")
  public UserImport.Imported importUsers(@RequestBody(required = false) String yaml) {
    return users.importFile(yaml);
  }
}
