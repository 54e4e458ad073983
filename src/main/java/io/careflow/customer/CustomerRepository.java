package io.careflow.customer;

import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import static io.careflow.system.SqlTimes.utc;
import org.springframework.stereotype.Repository;

@Repository
class CustomerRepository {

  private final JdbcClient jdbc;

  CustomerRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  Optional<String> findByIdentity(IdentityKind kind, String value) {
    return jdbc.sql("select customer_id from customer_identity where kind = ? and identity_value = ?")
        .params(kind.name(), value).query(String.class).optional();
  }

  void insertCustomer(String id, String name, String language, Instant now) {
    jdbc.sql("insert into customer (id, name, language, created_at) values (?, ?, ?, ?)")
        .params(id, name, language, utc(now)).update();
  }

  void insertIdentity(IdentityKind kind, String value, String customerId, Instant now) {
    jdbc.sql("insert into customer_identity (kind, identity_value, customer_id, created_at) values (?, ?, ?, ?)")
        .params(kind.name(), value, customerId, utc(now)).update();
  }

  /** Fills in what the customer record did not know yet; never overwrites with nothing. */
  void updateDetails(String id, String name, String language) {
    if (name != null) {
      jdbc.sql("update customer set name = ? where id = ?").params(name, id).update();
    }
    if (language != null) {
      jdbc.sql("update customer set language = ? where id = ?").params(language, id).update();
    }
  }

  Optional<Customer> find(String id) {
    return jdbc.sql("select id, name, language from customer where id = ?").param(id)
        .query((rs, n) -> new Customer(rs.getString("id"), rs.getString("name"), rs.getString("language")))
        .optional();
  }
}
