package io.careflow.routing;

import io.careflow.routing.Workloads.Load;
import io.careflow.calendar.BusinessHoursProperties;
import io.careflow.system.Groups;
import io.careflow.system.InvalidRequestException;
import io.careflow.system.NotFoundException;
import io.careflow.system.RequestValidator;
import io.careflow.system.UserDirectory;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The agents' routing profiles: read them, set availability and capacities. An agent who
 * goes AWAY takes no new tasks, and their unstarted tasks go back through routing once
 * the change is stored.
 */
@Service
public class AgentService {

  private final AgentDirectory directory;
  private final AgentProfileRepository profiles;
  private final Workloads workloads;
  private final AwayRerouting away;
  private final QueueRerouting queue;
  private final UserDirectory users;
  private final RequestValidator validator;
  private final BusinessHoursProperties shopTime;
  private final Clock clock;
  private final TransactionTemplate transaction;

  public AgentService(AgentDirectory directory, AgentProfileRepository profiles, Workloads workloads,
      AwayRerouting away, QueueRerouting queue, UserDirectory users, RequestValidator validator,
      BusinessHoursProperties shopTime, Clock clock, PlatformTransactionManager transactions) {
    this.directory = directory;
    this.profiles = profiles;
    this.workloads = workloads;
    this.away = away;
    this.queue = queue;
    this.users = users;
    this.validator = validator;
    this.shopTime = shopTime;
    this.clock = clock;
    this.transaction = new TransactionTemplate(transactions);
  }

  public AgentView view(String id) {
    requireAgent(id);
    return view(profiles.of(id), workloads.of(id));
  }

  /** Every agent, or those of one group (a team, a skill), by user id. */
  public List<AgentView> list(String group) {
    if (group != null && !directory.groupExists(group)) {
      throw InvalidRequestException.of("group", "no such group");
    }
    List<String> ids = directory.agents(group);
    Map<String, AgentProfile> profileOf = profiles.of(ids);
    Map<String, Load> loadOf = workloads.of(ids);
    return ids.stream().map(id -> view(profileOf.get(id), loadOf.get(id))).toList();
  }

  /**
   * Changes what the request gives. Switching to AWAY re-routes the agent's unstarted
   * tasks after the change is committed, so routing already sees them away; switching back
   * to AVAILABLE, or more room for an available agent, routes the tasks waiting in the queue
   * of their groups.
   */
  public AgentView update(String id, AgentUpdate request, String actor) {
    requireAgent(id);
    var check = validator.check(request);
    Availability availability = null;
    if (request != null) {
      if (request.availability() == null && request.maxOpenTasks() == null && request.maxOpenChats() == null) {
        check.add("body", "give availability, maxOpenTasks or maxOpenChats");
      }
      if (request.availability() != null) {
        availability = Arrays.stream(Availability.values()).filter(a -> a.name().equals(request.availability()))
            .findFirst().orElse(null);
        if (availability == null) {
          check.add("availability", "must be one of AVAILABLE, AWAY");
        }
      }
    }
    check.throwIfInvalid();
    Availability next = availability;
    AgentProfile before;
    try {
      before = transaction.execute(status -> profiles.change(id, next, request.maxOpenTasks(),
          request.maxOpenChats(), actor, clock.instant()));
    } catch (DuplicateKeyException e) {
      // the agent's first change, made twice at the same moment: now there is a row to lock
      before = transaction.execute(status -> profiles.change(id, next, request.maxOpenTasks(),
          request.maxOpenChats(), actor, clock.instant()));
    }
    if (before.available() && next == Availability.AWAY) {
      away.rerouteUnstarted(id, actor);
    } else if ((next == Availability.AVAILABLE || next == null && before.available())
        && (!before.available() || grows(request.maxOpenTasks(), before.maxOpenTasks())
            || grows(request.maxOpenChats(), before.maxOpenChats()))) {
      queue.routeQueued(id, actor);
    }
    return view(id);
  }

  private static boolean grows(Integer requested, int before) {
    return requested != null && requested > before;
  }

  private void requireAgent(String id) {
    if (!directory.isAgent(id)) {
      throw new NotFoundException("No agent " + id);
    }
  }

  private AgentView view(AgentProfile profile, Load load) {
    List<String> groups = directory.groupsOf(profile.userId());
    return new AgentView(profile.userId(), users.displayName(profile.userId()), profile.availability(),
        profile.maxOpenTasks(), profile.maxOpenChats(), load.tasks(), load.chats(),
        groups.stream().filter(g -> g.startsWith(Groups.TEAM_PREFIX)).toList(),
        groups.stream().filter(Groups::isSkill).toList(), profile.updatedBy(),
        profile.updatedAt() == null ? null : profile.updatedAt().atZone(shopTime.zone()).toOffsetDateTime());
  }
}
