package io.careflow.routing;

import static io.careflow.system.SqlTimes.instant;
import static io.careflow.system.SqlTimes.utc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Stores and reads the agents' profiles ({@code agent_profile}): the one writer of that table.
 * A missing row, or a capacity left null, means the configured default, so a change of
 * configuration reaches every agent who has no capacity of their own.
 */
@Repository
public class AgentProfileRepository {

  private static final String COLUMNS = "user_id, availability, max_open_tasks, max_open_chats, updated_by, updated_at";

  private final JdbcClient jdbc;
  private final RoutingProperties defaults;

  public AgentProfileRepository(JdbcClient jdbc, RoutingProperties defaults) {
    this.jdbc = jdbc;
    this.defaults = defaults;
  }

  public AgentProfile of(String userId) {
    return stored(userId, false).map(this::effective).orElseGet(() -> defaultProfile(userId));
  }

  /** Every one of {@code userIds}, in one query. */
  public Map<String, AgentProfile> of(Collection<String> userIds) {
    var profiles = new HashMap<String, AgentProfile>();
    if (!userIds.isEmpty()) {
      jdbc.sql("select " + COLUMNS + " from agent_profile where user_id in (:ids)").param("ids", userIds)
          .query(AgentProfileRepository::map).list().forEach(row -> profiles.put(row.userId(), effective(row)));
    }
    userIds.forEach(id -> profiles.computeIfAbsent(id, this::defaultProfile));
    return profiles;
  }

  /**
   * Changes what is given (null: left as it was) and returns the profile before the change.
   * The agent's row stays locked until the transaction ends, so two changes at once happen
   * one after the other.
   */
  public AgentProfile change(String userId, Availability availability, Integer maxOpenTasks, Integer maxOpenChats,
      String by, Instant at) {
    Optional<Row> before = stored(userId, true);
    if (before.isEmpty()) {
      jdbc.sql("insert into agent_profile (" + COLUMNS + ") values (?, ?, ?, ?, ?, ?)")
          .params(userId, (availability == null ? Availability.AVAILABLE : availability).name(), maxOpenTasks,
              maxOpenChats, by, utc(at))
          .update();
      return defaultProfile(userId);
    }
    Row row = before.get();
    jdbc.sql("update agent_profile set availability = ?, max_open_tasks = ?, max_open_chats = ?, updated_by = ?, "
            + "updated_at = ? where user_id = ?")
        .params((availability == null ? row.availability() : availability).name(),
            maxOpenTasks == null ? row.maxOpenTasks() : maxOpenTasks,
            maxOpenChats == null ? row.maxOpenChats() : maxOpenChats, by, utc(at), userId)
        .update();
    return effective(row);
  }

  private Optional<Row> stored(String userId, boolean lock) {
    return jdbc.sql("select " + COLUMNS + " from agent_profile where user_id = ?" + (lock ? " for update" : ""))
        .param(userId).query(AgentProfileRepository::map).optional();
  }

  private AgentProfile effective(Row row) {
    return new AgentProfile(row.userId(), row.availability(),
        row.maxOpenTasks() == null ? defaults.defaultMaxOpenTasks() : row.maxOpenTasks(),
        row.maxOpenChats() == null ? defaults.defaultMaxOpenChats() : row.maxOpenChats(),
        row.updatedBy(), row.updatedAt());
  }

  private AgentProfile defaultProfile(String userId) {
    return new AgentProfile(userId, Availability.AVAILABLE, defaults.defaultMaxOpenTasks(),
        defaults.defaultMaxOpenChats(), null, null);
  }

  private static Row map(ResultSet rs, int n) throws SQLException {
    return new Row(rs.getString("user_id"), Availability.valueOf(rs.getString("availability")),
        rs.getObject("max_open_tasks", Integer.class), rs.getObject("max_open_chats", Integer.class),
        rs.getString("updated_by"), instant(rs, "updated_at"));
  }

  /** The row as stored: capacities may be null (the default applies). */
  private record Row(String userId, Availability availability, Integer maxOpenTasks, Integer maxOpenChats,
      String updatedBy, Instant updatedAt) {}
}
