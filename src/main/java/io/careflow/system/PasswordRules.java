package io.careflow.system;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.identity.PasswordPolicyRule;
import org.camunda.bpm.engine.impl.identity.DefaultPasswordPolicyImpl;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;

/**
 * The password policy of profile {@code postgres}: the engine's own ({@code enable-password-policy}
 * in application-postgres.yaml, so Camunda Admin, {@code /engine-rest/user/create} and every
 * password change are held to it): at least 10 characters, one upper-case and one lower-case
 * letter, one digit, one special character, and none of the user's id or names. A demo user's
 * password (its name, e.g. {@code intake}) is refused when the user is created, not at the next
 * start. Checked here too for the administrator from the environment, before anything starts, in
 * the manager's words.
 */
public final class PasswordRules {

  private static final Map<String, String> WORDS = Map.of(
      "PASSWORD_POLICY_LENGTH", "at least 10 characters",
      "PASSWORD_POLICY_LOWERCASE", "a lower-case letter",
      "PASSWORD_POLICY_UPPERCASE", "an upper-case letter",
      "PASSWORD_POLICY_DIGIT", "a digit",
      "PASSWORD_POLICY_SPECIAL", "a special character (e.g. - ! ?)",
      "PASSWORD_POLICY_USER_DATA", "none of the user's id or names");

  private PasswordRules() {
  }

  /** The policy in words, for a refusal that cannot say which rule failed. */
  public static String describe() {
    return "at least 10 characters, an upper-case and a lower-case letter, a digit, a special character "
        + "(e.g. - ! ?) and none of the user's id or names";
  }

  /**
   * What the password lacks, in words; empty when the policy holds. The user's names count as the
   * engine counts them (none of id, first or last name in the password, in any case), so a password
   * that passes here is one the engine takes.
   */
  public static List<String> broken(String userId, String firstName, String lastName, String password) {
    var user = new UserEntity(userId);
    user.setFirstName(firstName);
    user.setLastName(lastName);
    List<String> broken = new ArrayList<>();
    for (PasswordPolicyRule rule : new DefaultPasswordPolicyImpl().getRules()) {
      if (!rule.execute(password, user)) {
        broken.add(WORDS.getOrDefault(rule.getPlaceholder(), rule.getPlaceholder()));
      }
    }
    return broken;
  }
}
