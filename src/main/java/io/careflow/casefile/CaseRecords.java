package io.careflow.casefile;

import java.util.Collection;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What a feature keeps about a case in tables of its own, and how it lets go of it. The class that
 * writes a table referring to a contact (a {@code contact_id} column) implements this for that
 * table, so the table is written only by its owner, deletion included. The retention rule asks
 * every implementation to forget the contacts it deletes, in one transaction, before the contacts
 * themselves go: rows that belong to the case are deleted, rows that outlive it (a note in the
 * customer record) lose their link to it.
 *
 * <p>The implementations come in Spring's order ({@link org.springframework.core.annotation.Order}):
 * an owner whose rows point at rows of another owner (an attachment at its message) is marked
 * {@link #FIRST}, so its rows are gone before the rows they point at; the others come after it.
 */
public interface CaseRecords {

  /** The order of an owner whose rows point at another owner's rows: forgotten before them. */
  int FIRST = 0;

  /** The tables with a link to a contact that this class writes. */
  List<String> tables();

  /** Deletes the contacts' rows from these tables, or removes their link to the contacts. */
  void forget(Collection<String> contactIds);

  /** What most owners' {@link #forget} does: deletes the contacts' rows from each of {@code tables}. */
  static void deleteRows(JdbcClient jdbc, List<String> tables, Collection<String> contactIds) {
    // the table names are the owner's own constants, never input
    tables.forEach(table -> jdbc.sql("delete from " + table + " where contact_id in (:contactIds)")
        .param("contactIds", contactIds).update());
  }

  /** For rows that outlive the case: keeps them in each of {@code tables} without their link to the contacts. */
  static void detachRows(JdbcClient jdbc, List<String> tables, Collection<String> contactIds) {
    tables.forEach(table -> jdbc.sql("update " + table + " set contact_id = null where contact_id in (:contactIds)")
        .param("contactIds", contactIds).update());
  }
}
