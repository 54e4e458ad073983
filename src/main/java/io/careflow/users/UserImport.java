package io.careflow.users;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.careflow.system.InvalidRequestException;
import io.careflow.system.InvalidRequestException.FieldProblem;
import io.careflow.system.PasswordRules;
import io.careflow.system.StoredPasswords;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Imports staff from a YAML file — users and their group memberships — the way an operator sets
 * up a shop's team: idempotent (a second import of the same file changes nothing), and all or
 * nothing: a file with an unknown group, a user named twice, a weak password or a bad e-mail is
 * refused whole, every problem named by its line, and nothing is imported. An existing user keeps
 * their password unless the file gives one; memberships the file names are added, none removed.
 *
 * <pre>
 * users:
 *   - id: kasia
 *     firstName: Katarzyna
 *     lastName: Zielińska
 *     email: kasia@shop.example
 *     password: "Kasia-start-2026!"   # new users only need it; the password policy applies
 *     groups: [agents, team-complaints, lang-pl]
 * </pre>
 */
@Service
public class UserImport {

  /** The engine's resource id pattern (application.yaml, general-resource-whitelist-pattern). */
  private static final Pattern ID = Pattern.compile("[a-zA-Z0-9][a-zA-Z0-9_-]{0,63}");
  private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
      .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);

  /** One user of the file, with the line it starts on. */
  public record StaffMember(String id, String firstName, String lastName, String email, String password,
      List<String> groups) {
  }

  private record Line(int number, StaffMember member) {
  }

  /** What the import did. */
  public record Imported(int created, int updated, int unchanged, int membershipsAdded) {
  }

  private final IdentityService identity;
  private final StoredPasswords stored;
  private final TransactionTemplate transaction;

  public UserImport(IdentityService identity, StoredPasswords stored, TransactionTemplate transaction) {
    this.identity = identity;
    this.stored = stored;
    this.transaction = transaction;
  }

  /** Imports the file, or refuses it whole with every problem named by line. */
  public Imported importFile(String yaml) {
    List<Line> lines = parse(yaml);
    List<FieldProblem> problems = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    Set<String> groups = new HashSet<>();
    identity.createGroupQuery().list().forEach(group -> groups.add(group.getId()));
    for (Line line : lines) {
      check(line, seen, groups, problems);
    }
    if (!problems.isEmpty()) {
      throw new InvalidRequestException(problems);
    }
    return transaction.execute(status -> apply(lines));
  }

  private static List<Line> parse(String yaml) {
    if (yaml == null || yaml.isBlank()) {
      throw InvalidRequestException.of("users", "is required: a YAML file with a list 'users'");
    }
    List<Line> lines = new ArrayList<>();
    try (JsonParser parser = YAML.getFactory().createParser(yaml)) {
      if (parser.nextToken() != JsonToken.START_OBJECT) {
        throw InvalidRequestException.of("users", "is required: a YAML file with a list 'users'");
      }
      boolean found = false;
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        String field = parser.currentName();
        parser.nextToken();
        if (!field.equals("users")) {
          throw InvalidRequestException.of(field + " (line " + parser.currentTokenLocation().getLineNr() + ")",
              "is unknown: the file has one list, 'users'");
        }
        if (parser.currentToken() != JsonToken.START_ARRAY) {
          throw InvalidRequestException.of("users", "must be a list");
        }
        found = true;
        while (parser.nextToken() == JsonToken.START_OBJECT) {
          int number = parser.currentTokenLocation().getLineNr();
          lines.add(new Line(number, YAML.readValue(parser, StaffMember.class)));
        }
      }
      if (!found || lines.isEmpty()) {
        throw InvalidRequestException.of("users", "is required: a YAML file with a list 'users'");
      }
    } catch (IOException e) {
      if (e instanceof com.fasterxml.jackson.core.JsonProcessingException p && p.getLocation() != null) {
        throw InvalidRequestException.of("line " + p.getLocation().getLineNr(), "cannot be read: "
            + p.getOriginalMessage());
      }
      throw InvalidRequestException.of("file", "cannot be read: " + e.getMessage());
    }
    return lines;
  }

  private void check(Line line, Set<String> seen, Set<String> groups, List<FieldProblem> problems) {
    StaffMember m = line.member();
    String at = "users (line " + line.number() + ")";
    if (m.id() == null || !ID.matcher(m.id()).matches()) {
      problems.add(new FieldProblem(at, "id is required: letters, digits, '-' and '_', at most 64"));
      return;
    }
    at = "users." + m.id() + " (line " + line.number() + ")";
    if (!seen.add(m.id())) {
      problems.add(new FieldProblem(at, "names the user " + m.id() + " a second time"));
    }
    if (m.email() != null && !EMAIL.matcher(m.email()).matches()) {
      problems.add(new FieldProblem(at, "email is not an e-mail address"));
    }
    if (m.groups() == null || m.groups().isEmpty()) {
      problems.add(new FieldProblem(at, "groups are required: at least one"));
    } else {
      for (String group : m.groups()) {
        if (!groups.contains(group)) {
          problems.add(new FieldProblem(at, "group " + group + " is unknown"));
        }
      }
    }
    boolean exists = identity.createUserQuery().userId(m.id()).count() > 0;
    if (m.password() == null && !exists) {
      problems.add(new FieldProblem(at, "password is required for a new user"));
    } else if (m.password() != null) {
      List<String> broken = PasswordRules.broken(m.id(), m.firstName(), m.lastName(), m.password());
      if (!broken.isEmpty()) {
        problems.add(new FieldProblem(at, "password does not meet the password policy: it needs "
            + String.join(", ", broken)));
      }
    }
  }

  private Imported apply(List<Line> lines) {
    int created = 0;
    int updated = 0;
    int unchanged = 0;
    int memberships = 0;
    for (Line line : lines) {
      StaffMember m = line.member();
      User user = identity.createUserQuery().userId(m.id()).singleResult();
      boolean isNew = user == null;
      if (isNew) {
        user = identity.newUser(m.id());
      }
      boolean changed = isNew || !Objects.equals(user.getFirstName(), m.firstName())
          || !Objects.equals(user.getLastName(), m.lastName()) || !Objects.equals(user.getEmail(), m.email());
      user.setFirstName(m.firstName());
      user.setLastName(m.lastName());
      user.setEmail(m.email());
      if (m.password() != null && (isNew || !stored.matches(m.id(), m.password()))) {
        user.setPassword(m.password());
        changed = true;
      }
      if (changed) {
        identity.saveUser(user);
      }
      Set<String> memberOf = new HashSet<>();
      if (!isNew) {
        identity.createGroupQuery().groupMember(m.id()).list().forEach(group -> memberOf.add(group.getId()));
      }
      for (String group : m.groups()) {
        if (memberOf.add(group)) {
          identity.createMembership(m.id(), group);
          memberships++;
        }
      }
      if (isNew) {
        created++;
      } else if (changed) {
        updated++;
      } else {
        unchanged++;
      }
    }
    return new Imported(created, updated, unchanged, memberships);
  }
}
