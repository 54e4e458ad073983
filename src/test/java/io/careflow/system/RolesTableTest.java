package io.careflow.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The roles table of docs/operations.md names every group careflow creates (no more, no less)
 * and, for each role, a user of the authorization matrix, whose column there says request by
 * request what that role may do.
 */
class RolesTableTest {

  private static final Pattern GROUP = Pattern.compile("`([a-z][a-z-]*)`");

  @Test
  void shouldNameEveryGroupCareflowCreatesAndAUserOfTheMatrixPerRole() throws IOException, IllegalAccessException {
    String doc = Files.readString(Path.of("docs", "operations.md"));
    String table = doc.substring(doc.indexOf("<!-- roles:start -->"), doc.indexOf("<!-- roles:end -->"));
    Set<String> named = new HashSet<>();
    List<String> users = new ArrayList<>();
    for (String row : table.lines().filter(l -> l.startsWith("| ") && !l.startsWith("| role")).toList()) {
      String[] cells = row.split("\\|");
      GROUP.matcher(cells[2]).results().forEach(m -> named.add(m.group(1)));
      users.add(cells[4].trim().replace("`", ""));
    }

    Set<String> created = new HashSet<>();
    for (Field field : Groups.class.getFields()) {
      if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class
          && !field.getName().endsWith("_PREFIX")) {
        created.add((String) field.get(null));
      }
    }
    assertThat(named).containsExactlyInAnyOrderElementsOf(created);
    assertThat(users).hasSize(7).allSatisfy(user -> assertThat(AuthorizationMatrixTest.USERS).contains(user));
  }
}
