package io.careflow.routing;

import io.careflow.routing.CustomerRelationships.Relationship;
import io.careflow.routing.Routing.Method;
import io.careflow.routing.Workloads.Load;
import io.careflow.system.UserDirectory;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;

/**
 * Decides who gets a task (SPEC R4) and says why; assigns nothing itself. Each step is
 * skipped when no one fits:
 * <ol>
 *   <li>relationship retention — the agent who handled the customer most often (ties: most
 *       recently), if available, skilled and under capacity;</li>
 *   <li>the least-loaded available agent with the skills (ties: fewer tasks of the other
 *       kind, then the user id, so the same situation always gives the same answer);</li>
 *   <li>the team queue: unassigned, offered to the candidate groups.</li>
 * </ol>
 * "Skilled" means a member of one of the task's groups and of every required skill group;
 * "under capacity" counts chats against the chat capacity and everything else against
 * the task capacity. The reason says which step decided, in the words the agent reads in
 * the task form. Capacity is checked, not reserved: tasks created at the same instant may
 * take an agent one over it.
 */
@Service
public class AgentPicker {

  static final String QUEUE = "no one available: team queue";

  private final AgentDirectory directory;
  private final AgentProfileRepository profiles;
  private final Workloads workloads;
  private final CustomerRelationships relationships;
  private final UserDirectory users;

  public AgentPicker(AgentDirectory directory, AgentProfileRepository profiles, Workloads workloads,
      CustomerRelationships relationships, UserDirectory users) {
    this.directory = directory;
    this.profiles = profiles;
    this.workloads = workloads;
    this.relationships = relationships;
    this.users = users;
  }

  public Pick pick(Request request) {
    if (request.modelAssignee() != null && profiles.of(request.modelAssignee()).available()) {
      return new Pick(request.modelAssignee(), Method.MODEL, "named by the process model");
    }
    if (request.groups().isEmpty()) {
      return new Pick(null, Method.QUEUE, QUEUE + " (the task names no team)");
    }
    List<String> pool = new ArrayList<>(directory.qualified(request.groups(), request.skills()));
    pool.remove(request.excluded());
    if (pool.isEmpty()) {
      return new Pick(null, Method.QUEUE, QUEUE + " (no one in " + String.join(", ", request.groups())
          + (request.skills().isEmpty() ? "" : " has " + String.join(", ", request.skills())) + ")");
    }

    Optional<Relationship> closest = request.customerId() == null ? Optional.empty()
        : relationships.closestAgent(request.customerId());
    var everyone = new HashSet<>(pool);
    closest.ifPresent(c -> everyone.add(c.agent()));
    Map<String, AgentProfile> profileOf = profiles.of(everyone);
    Map<String, Load> loadOf = workloads.of(everyone);
    boolean chat = request.chat();

    String note = null;
    if (closest.isPresent()) {
      Relationship relationship = closest.get();
      String agent = relationship.agent();
      AgentProfile profile = profileOf.get(agent);
      Load load = loadOf.get(agent);
      if (pool.contains(agent) && profile.available() && profile.hasRoomFor(chat, load)) {
        return new Pick(agent, Method.RETENTION, "handled this customer " + times(relationship.replies()));
      }
      if (!agent.equals(request.excluded())) {
        String whyNot = !profile.available() ? "is away"
            : !pool.contains(agent) ? "lacks the skills for this task"
            : "is at capacity (" + count(load.of(chat), chat) + ")";
        note = users.displayName(agent) + ", who handled this customer " + times(relationship.replies()) + ", "
            + whyNot;
      }
    }

    Optional<String> leastLoaded = pool.stream()
        .filter(agent -> profileOf.get(agent).available() && profileOf.get(agent).hasRoomFor(chat, loadOf.get(agent)))
        .min(Comparator.<String>comparingInt(agent -> loadOf.get(agent).of(chat))
            .thenComparingInt(agent -> loadOf.get(agent).of(!chat))
            .thenComparing(Comparator.naturalOrder()));
    if (leastLoaded.isPresent()) {
      String agent = leastLoaded.get();
      return new Pick(agent, Method.LEAST_LOADED, "least loaded: " + count(loadOf.get(agent).of(chat), chat)
          + (note == null ? "" : " (" + note + ")"));
    }
    return new Pick(null, Method.QUEUE, QUEUE + " (" + (pool.size() == 1 ? "the only agent with the skills is"
        : "all " + pool.size() + " agents with the skills are") + " away or at capacity)");
  }

  private static String times(int replies) {
    return replies == 1 ? "once" : replies + " times";
  }

  private static String count(int open, boolean chat) {
    return open + " open " + (chat ? "chat" : "task") + (open == 1 ? "" : "s");
  }

  /**
   * What routing knows about a task: its step, the groups it is offered to, the skills it
   * needs, its customer (null outside a case), whether it is a chat, the assignee its model
   * named, and an agent it must not go to (one who just went away).
   */
  public record Request(String step, List<String> groups, List<String> skills, String customerId, boolean chat,
      String modelAssignee, String excluded) {
    public Request {
      groups = List.copyOf(groups);
      skills = List.copyOf(skills);
    }
  }

  /** The pick: the assignee (null: the team queue), how it was made and why. */
  public record Pick(String assignee, Method method, String reason) {
    public boolean queued() {
      return assignee == null;
    }
  }
}
