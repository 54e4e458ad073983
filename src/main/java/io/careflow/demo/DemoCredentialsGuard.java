package io.careflow.demo;

import io.careflow.system.StartRefused;
import io.careflow.system.StoredPasswords;
import java.util.List;
import java.util.stream.Stream;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * With {@code postgres}, careflow refuses to start while a demo user ({@code demo}, anna, dora,
 * boris, maria, intake) still has its known password (its user name) in the database — a
 * database once started with the demo data, or users copied from it. {@link io.careflow.system.ProfileGuard}
 * keeps the demo profile away from PostgreSQL; this closes the door for demo users that
 * are already there. Runs after the engine is built and before the web server opens.
 *
 */
@Component
@Profile("postgres")
public class DemoCredentialsGuard implements SmartInitializingSingleton {

  private final StoredPasswords stored;

  public DemoCredentialsGuard(StoredPasswords stored) {
    this.stored = stored;
  }

  /** The users of API.md and the demo profile; their password is their name. */
  static List<String> demoUserIds() {
    return Stream.concat(Stream.of("demo"), DemoUsers.USERS.stream().map(DemoUsers.DemoUser::id)).toList();
  }

  @Override
  public void afterSingletonsInstantiated() {
    List<String> known = demoUserIds().stream().filter(id -> stored.matches(id, id)).toList();
    if (!known.isEmpty()) {
      throw new StartRefused("Demo users with their known passwords are in the database: " + known
          + ". careflow refuses to start with profile 'postgres' while they can sign in: delete them or give "
          + "them real passwords (Camunda Admin, or the engine's identity service).");
    }
  }
}
