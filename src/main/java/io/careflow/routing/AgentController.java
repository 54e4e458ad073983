package io.careflow.routing;

import io.careflow.system.Groups;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Set;
import org.springframework.http.MediaType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The agents' routing profiles. Who may use an endpoint at all is in
 * {@code system.SecurityConfiguration}; which agent is checked here: an agent reads and
 * changes their own profile, team leads (and administrators) anyone's, managers read anyone's.
 */
@RestController
@Tag(name = "Routing")
public class AgentController {

  private static final Set<String> READ_ANYONE = Set.of(Groups.TEAM_LEADS, Groups.MANAGERS, Groups.ADMINS);
  private static final Set<String> CHANGE_ANYONE = Set.of(Groups.TEAM_LEADS, Groups.ADMINS);

  private final AgentService agents;

  public AgentController(AgentService agents) {
    this.agents = agents;
  }

  @Operation(summary = "Every agent's availability, capacity, load and skills (team leads, managers)",
      description = "`group` narrows the list to the agents in one group: a team (team-returns) or a skill (lang-ru).")
  @GetMapping("/api/agents")
  public List<AgentView> list(@RequestParam(required = false) String group) {
    return agents.list(group);
  }

  @Operation(summary = "An agent's routing profile: availability, capacity, open tasks and chats, teams, skills",
      description = "An agent reads their own; team leads and managers anyone's.")
  @GetMapping("/api/agents/{id}")
  public AgentView get(@PathVariable String id, Authentication caller) {
    mayActFor(caller, id, READ_ANYONE);
    return agents.view(id);
  }

  @Operation(summary = "Set availability (AVAILABLE / AWAY) and capacities; what is left out stays",
      description = "An agent changes their own profile, team leads anyone's. Going AWAY sends the agent's "
          + "unstarted tasks (those routing or a lead gave them, not claimed by them) back through routing.")
  @PutMapping(path = "/api/agents/{id}", consumes = MediaType.APPLICATION_JSON_VALUE)
  public AgentView update(@PathVariable String id, @RequestBody(required = false) AgentUpdate update,
      Authentication caller) {
    mayActFor(caller, id, CHANGE_ANYONE);
    return agents.update(id, update, caller.getName());
  }

  /** The agent themselves, or a member of one of the groups that may act for anyone; else 403. */
  private static void mayActFor(Authentication caller, String agentId, Set<String> forAnyone) {
    boolean self = caller.getName().equals(agentId);
    if (!self && caller.getAuthorities().stream().map(GrantedAuthority::getAuthority).noneMatch(forAnyone::contains)) {
      throw new AccessDeniedException("Only the agent themselves or a team lead");
    }
  }
}
