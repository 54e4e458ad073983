package io.careflow.routing;

import io.careflow.casefile.CaseVariables;
import io.careflow.casefile.Channel;
import io.careflow.casefile.Contact;
import io.careflow.casefile.ContactRepository;
import io.careflow.routing.AgentPicker.Pick;
import io.careflow.routing.AgentPicker.Request;
import io.careflow.routing.Routing.Cause;
import io.careflow.routing.RoutingDecisionRepository.Decision;
import io.careflow.routing.RoutingDecisionRepository.RoutedTask;
import io.careflow.routing.RoutingTableReader.Requirement;
import io.careflow.routing.RoutingTableReader.Situation;
import io.careflow.system.EngineAsSystem;
import io.careflow.system.Groups;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.persistence.entity.IdentityLinkEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.springframework.stereotype.Service;

/**
 * A task is created ({@link RouteTaskListener}): routing.dmn names its team and skills, the
 * {@link AgentPicker} its agent or the team queue, and the decision is kept with its reason.
 * The engine is asked as the system: routing happens inside the command of whoever completed
 * the previous task, and their permissions must not hide colleagues or the routing table.
 */
@Service
public class NewTaskRouting {

  private final RoutingTableReader table;
  private final AgentPicker picker;
  private final AgentDirectory directory;
  private final DecisionRecorder recorder;
  private final ContactRepository contacts;
  private final EngineAsSystem asSystem;
  private final Clock clock;

  public NewTaskRouting(RoutingTableReader table, AgentPicker picker, AgentDirectory directory,
      DecisionRecorder recorder, ContactRepository contacts, EngineAsSystem asSystem, Clock clock) {
    this.table = table;
    this.picker = picker;
    this.directory = directory;
    this.recorder = recorder;
    this.contacts = contacts;
    this.asSystem = asSystem;
    this.clock = clock;
  }

  /**
   * The table's team replaces the model's group (unless the model offers the task to team
   * leads or to every agent; a case a senior agent took over goes to the team leads), the
   * skills are the table's plus the customer's language and, for a chat, the chat skill; then
   * the agent is picked.
   */
  public void route(DelegateTask task) {
    asSystem.call(() -> {
      String contactId = CaseVariables.contactId(task);
      Contact contact = contactId == null ? null : contacts.find(contactId).orElse(null);
      String channel = CaseVariables.string(task, CaseVariables.CHANNEL);
      String language = firstNonNull(CaseVariables.string(task, CaseVariables.LANGUAGE),
          contact == null ? null : contact.language());
      // the product of a registered replacement request, else the one the contact named
      String productSku = firstNonNull(CaseVariables.string(task, Routing.INPUT_PRODUCT_SKU),
          contact == null ? null : contact.productSku());
      String step = task.getTaskDefinitionKey();
      Requirement needs = table.requirement(new Situation(step, CaseVariables.string(task, CaseVariables.PROTOCOL_KEY),
          CaseVariables.string(task, CaseVariables.TOPIC), channel, language, productSku));
      // a senior agent took the case over (communication style, at any step): its tasks go to
      // the team leads, whichever group the model or the table names
      String team = Groups.TEAM_LEADS.equals(CaseVariables.string(task, CaseVariables.TEAM)) ? Groups.TEAM_LEADS
          : needs.team();
      boolean chat = Channel.CHAT.name().equals(channel);
      var routed = new RoutedTask(task.getId(), contactId, step, candidateGroups(task, team),
          skills(needs.skills(), language, chat));

      Pick pick = picker.pick(new Request(step, routed.groups(), routed.skills(),
          contact == null ? null : contact.customerId(), chat, task.getAssignee(), null));
      if (!Objects.equals(pick.assignee(), task.getAssignee())) {
        task.setAssignee(pick.assignee());
      }
      task.setVariableLocal(Routing.FORM_ROUTING_REASON, pick.reason());
      recorder.routed(Decision.picked(routed, pick, Cause.TASK_CREATED, pick.reason(), clock.instant()),
          task.getName(), "");
      return null;
    });
  }

  /** The model's candidate groups, or the table's team in their place. */
  private static List<String> candidateGroups(DelegateTask task, String team) {
    List<String> model = task.getCandidates().stream().map(IdentityLink::getGroupId).filter(Objects::nonNull)
        .distinct().toList();
    if (team == null || model.stream().anyMatch(Routing.GROUPS_THE_MODEL_KEEPS::contains)) {
      return model;
    }
    for (String group : model) {
      if (!group.equals(team)) {
        removeCandidateGroup(task, group);
      }
    }
    if (!model.contains(team)) {
      task.addCandidateGroup(team);
    }
    return List.of(team);
  }

  /**
   * Takes a group off a task being created. The engine's {@code deleteCandidateGroup} looks the
   * link up in the database, where the link the model gave this new task is not written yet (it
   * found nothing, and the model's group stayed beside the table's); so the link the task holds
   * is removed and deleted itself.
   */
  private static void removeCandidateGroup(DelegateTask task, String group) {
    if (task instanceof TaskEntity entity) {
      for (IdentityLinkEntity link : List.copyOf(entity.getIdentityLinks())) {
        if (group.equals(link.getGroupId()) && IdentityLinkType.CANDIDATE.equals(link.getType())) {
          entity.getIdentityLinks().remove(link);
          link.delete();
        }
      }
    } else {
      task.deleteCandidateGroup(group);
    }
  }

  /** The table's skills, the customer's language where agents have it as a skill, and chat for a chat. */
  private List<String> skills(List<String> fromTable, String language, boolean chat) {
    var skills = new ArrayList<String>();
    if (language != null && !language.isBlank()) {
      String spoken = Groups.LANG_PREFIX + language.strip().toLowerCase(Locale.ROOT);
      if (directory.groupExists(spoken)) {
        skills.add(spoken);
      }
    }
    fromTable.stream().filter(skill -> !skills.contains(skill)).forEach(skills::add);
    if (chat && !skills.contains(Groups.CHANNEL_CHAT)) {
      skills.add(Groups.CHANNEL_CHAT);
    }
    return skills;
  }

  private static String firstNonNull(String first, String second) {
    return first != null ? first : second;
  }
}
