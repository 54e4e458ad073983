package io.careflow.system;

import java.util.Collection;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Component;

/** Names and the signed-in user, from the one user directory (the Camunda identity service). */
@Component
public class UserDirectory {

  private final IdentityService identityService;

  public UserDirectory(IdentityService identityService) {
    this.identityService = identityService;
  }

  /** "Anna Nowak" for anna; the id itself when the user has no name. */
  public String displayName(String userId) {
    if (userId == null) {
      return null;
    }
    User user = identityService.createUserQuery().userId(userId).singleResult();
    if (user == null) {
      return userId;
    }
    String name = ((user.getFirstName() == null ? "" : user.getFirstName()) + " "
        + (user.getLastName() == null ? "" : user.getLastName())).trim();
    return name.isEmpty() ? userId : name;
  }

  /** The users of a group (e.g. everyone in team-leads). */
  public List<String> membersOf(String groupId) {
    return identityService.createUserQuery().memberOfGroup(groupId).list().stream().map(User::getId).toList();
  }

  /** The e-mail addresses of the users that have one, each once. */
  public List<String> emailsOf(Collection<String> userIds) {
    if (userIds.isEmpty()) {
      return List.of();
    }
    return identityService.createUserQuery().userIdIn(userIds.toArray(String[]::new)).list().stream()
        .map(User::getEmail).filter(email -> email != null && !email.isBlank()).distinct().toList();
  }

  /** The user on whose behalf the engine acts now (Tasklist, REST), or null for the system. */
  public String currentUser() {
    var authentication = identityService.getCurrentAuthentication();
    return authentication == null ? null : authentication.getUserId();
  }
}
