package io.careflow.system;

import static org.camunda.bpm.engine.authorization.Authorization.ANY;
import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;
import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_REVOKE;

import java.util.List;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.ProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.authorization.TaskPermissions;
import org.camunda.bpm.engine.identity.Group;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The groups careflow's rules name and the Camunda authorizations that let each do
 * exactly what API.md says — in every profile, idempotently at each start:
 * <ul>
 *   <li>agents: Tasklist; tasks only through their teams' candidate groups (the engine
 *       grants READ + TASK_WORK per task to its candidate groups); process names;
 *       colleagues' names;</li>
 *   <li>managers: Tasklist and Cockpit; read every definition, instance, task and all
 *       history — no TASK_WORK, so no completing other people's tasks;</li>
 *   <li>team leads: Tasklist; tasks offered to {@code team-leads} as candidates;</li>
 *   <li>integrations: nothing in the engine; they only push through careflow's API;</li>
 *   <li>designers: deploy models, forms and tables (Camunda Modeler's deploy,
 *       {@code /engine-rest/deployment/create}) and read them in Cockpit — definitions and
 *       deployments only: no instance, task or history, so no customer's data and no task work;</li>
 *   <li>monitoring: nothing in the engine; health, metrics and Prometheus through careflow's
 *       security rules only.</li>
 * </ul>
 */
@Component
@Order(10)
public class IdentitySetup implements ApplicationRunner {

  private static final Logger log = LoggerFactory.getLogger(IdentitySetup.class);

  private final IdentityService identityService;
  private final AuthorizationService authorizationService;

  public IdentitySetup(IdentityService identityService, AuthorizationService authorizationService) {
    this.identityService = identityService;
    this.authorizationService = authorizationService;
  }

  @Override
  public void run(ApplicationArguments args) {
    group(Groups.AGENTS, "Agents", "WORKFLOW");
    group(Groups.MANAGERS, "Managers", "WORKFLOW");
    group(Groups.TEAM_LEADS, "Team leads", "WORKFLOW");
    group(Groups.INTEGRATIONS, "Channel integrations", "SYSTEM");
    group(Groups.DESIGNERS, "Process designers", "SYSTEM");
    group(Groups.MONITORING, "Monitoring", "SYSTEM");
    group(Groups.TEAM_COMPLAINTS, "Team: complaints", "WORKFLOW");
    group(Groups.TEAM_RETURNS, "Team: returns", "WORKFLOW");
    group(Groups.TEAM_REPLACEMENTS, "Team: replacements", "WORKFLOW");
    group(Groups.TEAM_INQUIRIES, "Team: inquiries", "WORKFLOW");
    group(Groups.LANG_PL, "Language: Polish", "SKILL");
    group(Groups.LANG_EN, "Language: English", "SKILL");
    group(Groups.LANG_RU, "Language: Russian", "SKILL");
    group(Groups.CHANNEL_CHAT, "Channel: chat", "SKILL");
    group(Groups.PRODUCT_KITCHEN, "Products: kitchen appliances", "SKILL");
    group(Groups.PRODUCT_ELECTRONICS, "Products: electronics", "SKILL");
    group(Groups.PRODUCT_FURNITURE, "Products: furniture", "SKILL");
    group(Groups.PRODUCT_FASHION, "Products: fashion", "SKILL");

    for (String workers : List.of(Groups.AGENTS, Groups.MANAGERS, Groups.TEAM_LEADS)) {
      grant(workers, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
      grant(workers, Resources.PROCESS_DEFINITION, ANY, ProcessDefinitionPermissions.READ);
      grant(workers, Resources.USER, ANY, Permissions.READ);
      grant(workers, Resources.GROUP, ANY, Permissions.READ);
    }
    grant(Groups.MANAGERS, Resources.APPLICATION, "cockpit", Permissions.ACCESS);
    grant(Groups.MANAGERS, Resources.PROCESS_DEFINITION, ANY, ProcessDefinitionPermissions.READ,
        ProcessDefinitionPermissions.READ_HISTORY, ProcessDefinitionPermissions.READ_INSTANCE,
        ProcessDefinitionPermissions.READ_TASK);
    grant(Groups.MANAGERS, Resources.PROCESS_INSTANCE, ANY, ProcessInstancePermissions.READ);
    grant(Groups.MANAGERS, Resources.TASK, ANY, TaskPermissions.READ);
    grant(Groups.MANAGERS, Resources.DECISION_DEFINITION, ANY, Permissions.READ,
        Permissions.READ_HISTORY);
    grant(Groups.MANAGERS, Resources.DEPLOYMENT, ANY, Permissions.READ);

    grant(Groups.DESIGNERS, Resources.APPLICATION, "cockpit", Permissions.ACCESS);
    grant(Groups.DESIGNERS, Resources.DEPLOYMENT, ANY, Permissions.CREATE, Permissions.READ);
    grant(Groups.DESIGNERS, Resources.PROCESS_DEFINITION, ANY, ProcessDefinitionPermissions.READ);
    grant(Groups.DESIGNERS, Resources.DECISION_DEFINITION, ANY, Permissions.READ);
    grant(Groups.DESIGNERS, Resources.DECISION_REQUIREMENTS_DEFINITION, ANY, Permissions.READ);
    warnOfRevokes();
  }

  /**
   * The engine runs with {@code authorization-check-revokes: never} (careflow only grants): a
   * REVOKE authorization, e.g. one made in Camunda Admin, takes no effect. Say so at each start.
   */
  void warnOfRevokes() {
    long revokes = authorizationService.createAuthorizationQuery().authorizationType(AUTH_TYPE_REVOKE).count();
    if (revokes > 0) {
      log.error("{} REVOKE authorization(s) in the database take no effect: careflow runs the engine with"
          + " camunda.bpm.authorization.authorization-check-revokes=never. Delete them and remove the grant"
          + " instead, or set the property to auto.", revokes);
    }
  }

  private void group(String id, String name, String type) {
    if (identityService.createGroupQuery().groupId(id).count() == 0) {
      Group group = identityService.newGroup(id);
      group.setName(name);
      group.setType(type);
      identityService.saveGroup(group);
    }
  }

  /** Grants the permissions to the group, adding to an existing grant if there is one. */
  public void grant(String groupId, Resource resource, String resourceId, Permission... permissions) {
    Authorization authorization = authorizationService.createAuthorizationQuery()
        .authorizationType(AUTH_TYPE_GRANT).groupIdIn(groupId).resourceType(resource).resourceId(resourceId)
        .list().stream().findFirst().orElse(null);
    if (authorization == null) {
      authorization = authorizationService.createNewAuthorization(AUTH_TYPE_GRANT);
      authorization.setGroupId(groupId);
      authorization.setResource(resource);
      authorization.setResourceId(resourceId);
    }
    boolean changed = authorization.getId() == null;
    for (Permission permission : permissions) {
      if (!authorization.isPermissionGranted(permission)) {
        authorization.addPermission(permission);
        changed = true;
      }
    }
    if (changed) {
      authorizationService.saveAuthorization(authorization);
    }
  }
}
