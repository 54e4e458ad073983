package io.careflow.customer;

import static io.careflow.system.SqlTimes.instant;
import static io.careflow.system.SqlTimes.utc;

import io.careflow.casefile.CaseRecords;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class NoteRepository implements CaseRecords {

  private final JdbcClient jdbc;

  NoteRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  void insert(Note note) {
    jdbc.sql("insert into note (id, customer_id, contact_id, text, author, created_at) values (?, ?, ?, ?, ?, ?)")
        .params(note.id(), note.customerId(), note.contactId(), note.text(), note.author(), utc(note.createdAt()))
        .update();
  }

  /** Newest first; {@code limit} 0 for all. */
  List<Note> ofCustomer(String customerId, int limit) {
    return jdbc.sql("select id, customer_id, contact_id, text, author, created_at from note where customer_id = ? "
            + "order by created_at desc, id" + (limit > 0 ? " fetch first " + limit + " rows only" : ""))
        .param(customerId).query(NoteRepository::map).list();
  }

  long count(String customerId) {
    return jdbc.sql("select count(*) from note where customer_id = ?").param(customerId).query(Long.class).single();
  }

  /** A customer merge: the notes on {@code from} now belong to {@code into}; returns how many moved. */
  int moveToCustomer(String from, String into) {
    return jdbc.sql("update note set customer_id = :into where customer_id = :from")
        .param("into", into).param("from", from).update();
  }

  private static Note map(ResultSet rs, int row) throws SQLException {
    return new Note(rs.getString("id"), rs.getString("customer_id"), rs.getString("contact_id"), rs.getString("text"),
        rs.getString("author"), instant(rs, "created_at"));
  }

  @Override
  public List<String> tables() {
    return List.of("note");
  }

  /** Keeps the rows (they belong to the customer record) without their link to the contacts. */
  @Override
  public void forget(Collection<String> contactIds) {
    CaseRecords.detachRows(jdbc, tables(), contactIds);
  }
}
