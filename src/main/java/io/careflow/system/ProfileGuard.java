package io.careflow.system;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Refuses unsafe profile combinations before anything connects to a database:
 * <ul>
 *   <li>{@code demo} creates users with known passwords: never together with {@code postgres};</li>
 *   <li>{@code postgres} needs the first administrator from the environment
 *       ({@code CAREFLOW_ADMIN_USER}, {@code CAREFLOW_ADMIN_PASSWORD}, at least 12
 *       characters, not the user name, and Camunda's password policy, see {@link PasswordRules}) —
 *       the webapps' set-up page is closed — and
 *       the secret that signs customers' links ({@code CAREFLOW_LINK_SECRET}, 32+ characters).</li>
 * </ul>
 */
public class ProfileGuard implements EnvironmentPostProcessor {

  static final int MIN_ADMIN_PASSWORD_LENGTH = 12;
  static final int MIN_LINK_SECRET_LENGTH = 32;
  /** The placeholders of the docs and docker-compose.yml: copied as they are, they are no secret. */
  static final java.util.List<String> EXAMPLES = java.util.List.of("Your-own-secret-12+",
      "a-secret-of-at-least-32-characters", "a-secret-of-12+-chars", "Choose-a-DB-password-1");

  @Override
  public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
    Set<String> active = Set.of(environment.getActiveProfiles());
    boolean demo = active.contains("demo")
        || (active.isEmpty() && Arrays.asList(environment.getDefaultProfiles()).contains("demo"));
    if (!active.contains("postgres")) {
      return;
    }
    if (demo) {
      throw new StartRefused("Profile 'demo' creates users with known passwords and is refused "
          + "together with 'postgres'. Start with --spring.profiles.active=postgres only.");
    }
    String adminUser = environment.getProperty("camunda.bpm.admin-user.id", "");
    String adminPassword = environment.getProperty("camunda.bpm.admin-user.password", "");
    if (adminUser.isBlank() || adminPassword.isBlank()) {
      throw new StartRefused("Profile 'postgres' needs the first administrator from the environment: "
          + "set CAREFLOW_ADMIN_USER and CAREFLOW_ADMIN_PASSWORD.");
    }
    if (adminPassword.length() < MIN_ADMIN_PASSWORD_LENGTH || adminPassword.equalsIgnoreCase(adminUser)) {
      throw new StartRefused("CAREFLOW_ADMIN_PASSWORD must have at least " + MIN_ADMIN_PASSWORD_LENGTH
          + " characters and differ from the user name.");
    }
    if (EXAMPLES.contains(adminPassword)) {
      throw new StartRefused("CAREFLOW_ADMIN_PASSWORD is the example of the docs; choose your own.");
    }
    List<String> broken = PasswordRules.broken(adminUser,
        environment.getProperty("camunda.bpm.admin-user.first-name", ""),
        environment.getProperty("camunda.bpm.admin-user.last-name", ""), adminPassword);
    if (!broken.isEmpty()) {
      throw new StartRefused("CAREFLOW_ADMIN_PASSWORD does not meet the password policy every user of "
          + "profile 'postgres' meets: it needs " + String.join(", ", broken) + ".");
    }
    if (EXAMPLES.contains(environment.getProperty("spring.datasource.password", ""))) {
      throw new StartRefused("CAREFLOW_DB_PASSWORD is the example of the docs' set-up SQL; choose your own "
          + "(ALTER ROLE careflow PASSWORD '…' as the database's superuser).");
    }
    String linkSecret = environment.getProperty("careflow.public-links.secret", "");
    if (linkSecret.length() < MIN_LINK_SECRET_LENGTH || linkSecret.startsWith("demo-only")
        || EXAMPLES.contains(linkSecret)) {
      throw new StartRefused("Profile 'postgres' needs CAREFLOW_LINK_SECRET (at least "
          + MIN_LINK_SECRET_LENGTH + " characters): it signs the links customers get to their return form "
          + "and other public pages.");
    }
  }
}
