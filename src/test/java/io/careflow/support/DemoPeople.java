package io.careflow.support;

import io.careflow.demo.DemoUsers;
import java.util.List;

/**
 * The demo's people with the groups the demo gives them ({@link DemoUsers}, read, not copied): a
 * test that completes a task "as anna" signs in with anna's real groups, so tests and the demo
 * cannot drift apart. anna: agent of complaints and returns; boris: agent of replacements and
 * inquiries; maria: manager and team lead.
 */
public final class DemoPeople {

  public static final List<String> ANNA = DemoUsers.groupsOf("anna");
  public static final List<String> BORIS = DemoUsers.groupsOf("boris");
  public static final List<String> MARIA = DemoUsers.groupsOf("maria");

  private DemoPeople() {}

  /** The groups of any demo user by id (intake, dora, mona …). */
  public static List<String> groupsOf(String id) {
    return DemoUsers.groupsOf(id);
  }
}
