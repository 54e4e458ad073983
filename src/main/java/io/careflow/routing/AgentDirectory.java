package io.careflow.routing;

import io.careflow.system.Groups;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.TreeSet;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Component;

/**
 * Who is an agent and who has which skill, from the one user directory (the Camunda
 * identity service): a skill or a team is a group, and an agent has it by being a member.
 * Agents are the members of {@code agents} and {@code team-leads} (leads work the tasks
 * offered to them).
 */
@Component
public class AgentDirectory {

  private final IdentityService identityService;

  public AgentDirectory(IdentityService identityService) {
    this.identityService = identityService;
  }

  /**
   * The members of any of {@code groups} who are members of every one of {@code skills},
   * by user id: one query per group and per skill, each bounded by the team.
   */
  public List<String> qualified(Collection<String> groups, Collection<String> skills) {
    var ids = new LinkedHashSet<String>();
    for (String group : groups) {
      identityService.createUserQuery().memberOfGroup(group).orderByUserId().asc().list()
          .forEach(user -> ids.add(user.getId()));
    }
    for (String skill : skills) {
      if (ids.isEmpty()) {
        break;
      }
      var skilled = identityService.createUserQuery().memberOfGroup(skill).userIdIn(ids.toArray(String[]::new))
          .list().stream().map(User::getId).toList();
      ids.retainAll(skilled);
    }
    return new ArrayList<>(ids);
  }

  public boolean groupExists(String groupId) {
    return identityService.createGroupQuery().groupId(groupId).count() > 0;
  }

  public boolean isAgent(String userId) {
    return identityService.createUserQuery().userId(userId).memberOfGroup(Groups.AGENTS).count() > 0
        || identityService.createUserQuery().userId(userId).memberOfGroup(Groups.TEAM_LEADS).count() > 0;
  }

  /** Every agent, or the agents in one group, sorted by user id. */
  public List<String> agents(String group) {
    var ids = new TreeSet<String>(members(Groups.AGENTS));
    ids.addAll(members(Groups.TEAM_LEADS));
    if (group != null) {
      ids.retainAll(members(group));
    }
    return List.copyOf(ids);
  }

  private List<String> members(String group) {
    return identityService.createUserQuery().memberOfGroup(group).list().stream().map(User::getId).toList();
  }

  /** The groups of a user, sorted by id. */
  public List<String> groupsOf(String userId) {
    return identityService.createGroupQuery().groupMember(userId).orderByGroupId().asc().list().stream()
        .map(Group::getId).toList();
  }
}
