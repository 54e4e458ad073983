package io.careflow.system;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * HTTP Basic credentials the engine accepted a moment ago, and the groups and tenants of their
 * user: an integration that sends many requests a second is not checked against the database
 * (password, groups, tenants: three engine commands) on each of them. Only successes are kept,
 * for {@code careflow.security.credentials-cache} (default 10 s, {@code PT0S}: off); a wrong
 * password always reaches the engine, which counts it towards the user's lock-out. A password
 * changed, a user locked or a membership removed take effect after that time at the latest
 * (docs/operations.md, Security). Passwords are kept only as SHA-256 digests of user and password.
 */
@Component
public class VerifiedCredentials {

  /** More entries than this and the cache starts afresh: it stays small whatever the traffic. */
  static final int MAX_ENTRIES = 10_000;

  private record Entry<T>(T value, long expiresAt) {}

  private final long ttlMillis;
  private final Clock clock;
  private final Map<String, Entry<Boolean>> passwords = new ConcurrentHashMap<>();
  private final Map<String, Entry<List<String>>> groups = new ConcurrentHashMap<>();
  private final Map<String, Entry<List<String>>> tenants = new ConcurrentHashMap<>();

  @Autowired
  public VerifiedCredentials(@Value("${careflow.security.credentials-cache:PT10S}") Duration ttl) {
    this(ttl, Clock.systemUTC());
  }

  VerifiedCredentials(Duration ttl, Clock clock) {
    this.ttlMillis = ttl.toMillis();
    this.clock = clock;
  }

  /** Whether the user has this password: remembered if the engine said so just now, else {@code check}. */
  public boolean passwordMatches(String user, String password, Supplier<Boolean> check) {
    if (ttlMillis <= 0) {
      return check.get();
    }
    String key = digest(user, password);
    if (fresh(passwords.get(key)) != null) {
      return true;
    }
    boolean matches = check.get();
    if (matches) {
      put(passwords, key, Boolean.TRUE);
    }
    return matches;
  }

  /** The user's group ids, remembered for the cache's time. */
  public List<String> groupsOf(String user, Supplier<List<String>> load) {
    return remembered(groups, user, load);
  }

  /** The user's tenant ids, remembered for the cache's time. */
  public List<String> tenantsOf(String user, Supplier<List<String>> load) {
    return remembered(tenants, user, load);
  }

  private List<String> remembered(Map<String, Entry<List<String>>> map, String user, Supplier<List<String>> load) {
    if (ttlMillis <= 0) {
      return load.get();
    }
    List<String> known = fresh(map.get(user));
    if (known != null) {
      return known;
    }
    List<String> loaded = List.copyOf(load.get());
    put(map, user, loaded);
    return loaded;
  }

  private <T> T fresh(Entry<T> entry) {
    return entry != null && entry.expiresAt() > clock.millis() ? entry.value() : null;
  }

  private <T> void put(Map<String, Entry<T>> map, String key, T value) {
    if (map.size() >= MAX_ENTRIES) {
      map.clear();
    }
    map.put(key, new Entry<>(value, clock.millis() + ttlMillis));
  }

  private static String digest(String user, String password) {
    try {
      var sha = MessageDigest.getInstance("SHA-256");
      sha.update(user.getBytes(StandardCharsets.UTF_8));
      sha.update((byte) 0);
      sha.update(password.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(sha.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
