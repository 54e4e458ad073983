package io.careflow.bench;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;

/** What the database did: PostgreSQL's statistics views, or H2's row counts. */
final class DatabaseCounters {

  private DatabaseCounters() {}

  /** Commits, rows written, rows fetched by index, rows returned by scans of the URL's database. */
  static long[] pgCounters(Database db, String url) throws Exception {
    try (Connection c = db.connect(url); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
        "select xact_commit, tup_inserted + tup_updated + tup_deleted, tup_fetched, tup_returned - tup_fetched"
            + " from pg_stat_database where datname = current_database()")) {
      rs.next();
      return new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4)};
    }
  }

  /** Rows inserted + updated + deleted per table of the URL's database. */
  static Map<String, Long> pgTableWrites(Database db, String url) throws Exception {
    var writes = new HashMap<String, Long>();
    try (Connection c = db.connect(url); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
        "select relname, n_tup_ins + n_tup_upd + n_tup_del from pg_stat_user_tables")) {
      while (rs.next()) {
        writes.put(rs.getString(1), rs.getLong(2));
      }
    }
    return writes;
  }

  /** Rows per table of careflow's H2 database (exact counts; the bench reaches the file through AUTO_SERVER). */
  static Map<String, Long> h2RowCounts(Database db, String url) throws Exception {
    var counts = new HashMap<String, Long>();
    try (Connection c = db.connect(url); Statement s = c.createStatement()) {
      var tables = new ArrayList<String>();
      try (ResultSet rs = s.executeQuery("select table_name from information_schema.tables"
          + " where table_schema = 'PUBLIC' and table_type = 'BASE TABLE'")) {
        while (rs.next()) {
          tables.add(rs.getString(1));
        }
      }
      for (String table : tables) {
        try (ResultSet rs = s.executeQuery("select count(*) from \"" + table + "\"")) {
          rs.next();
          counts.put(table, rs.getLong(1));
        }
      }
    }
    return counts;
  }
}
