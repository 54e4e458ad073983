package io.careflow.casefile;

import io.careflow.system.Groups;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;

/**
 * Who reads which cases, the same rule as for a contact's timeline: managers, team leads and
 * administrators every case; agents the cases they worked on — held one of its tasks (assignee,
 * owner, named candidate) or one of their {@code team-*} groups was offered one; everyone else
 * (integrations, designers) none.
 */
public final class CaseReaders {

  public static final Set<String> READ_ALL = Set.of(Groups.MANAGERS, Groups.TEAM_LEADS, Groups.ADMINS);

  private CaseReaders() {}

  /** The person searching: their user id and the teams whose cases they may see. */
  public record Viewer(String userId, boolean readsAll, List<String> teams) {

    public static Viewer of(Authentication user) {
      List<String> groups = user.getAuthorities().stream().map(GrantedAuthority::getAuthority).toList();
      return new Viewer(user.getName(), CaseReaders.readsAll(groups), groups.stream().filter(CaseReaders::isTeam).toList());
    }

    /** Everything: for the system's own use and the tests. */
    public static Viewer everything() {
      return new Viewer("system", true, List.of());
    }
  }

  public static boolean readsAll(Collection<String> groups) {
    return groups.stream().anyMatch(READ_ALL::contains);
  }

  /** May search at all: reads all cases, or is an agent (who sees their own). */
  public static boolean maySearch(Collection<String> groups) {
    return readsAll(groups) || groups.contains(Groups.AGENTS);
  }

  /**
   * Being in {@code agents}, whom every triage task is offered to, does not make everyone part of
   * every case: only the {@code team-*} groups count.
   */
  public static boolean isTeam(String group) {
    return group.startsWith(Groups.TEAM_PREFIX);
  }
}
