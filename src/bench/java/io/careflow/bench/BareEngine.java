package io.careflow.bench;

import com.zaxxer.hikari.HikariDataSource;
import java.util.UUID;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.auth.DefaultAuthorizationProvider;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.impl.cfg.StandaloneProcessEngineConfiguration;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;

/**
 * The bare engine: Camunda 7.24 with its own defaults, on a pool like careflow's, in the
 * bench's JVM, driven through the Java API — the yardstick of P1 and the engine of P4.
 */
final class BareEngine implements AutoCloseable {

  /** P1's process: start → one user task for a team. */
  static final String ONE_TASK = "bare-one-task";
  /** P4's process: one user task whose team and due date come as variables. */
  static final String TEAM_TASK = "bare-team-task";

  final ProcessEngine engine;
  private final HikariDataSource pool;

  BareEngine(Database db, String url, String history, boolean authorization) {
    this(db, url, history, authorization, "auto", false, false);
  }

  /**
   * @param revokes the engine's {@code authorizationCheckRevokes} (careflow: {@code never})
   * @param teamGrants no per-task authorization for candidate groups: the engine's default provider
   *     writes one row per task and group, which the authorization join reads for every query
   * @param careflowSessions with careflow's versions of the engine's per-command sessions
   *     ({@code system.EngineSessionsPlugin}: which of the user's groups have authorizations, looked
   *     up group by group), if the product has them — what careflow's Tasklist runs on
   */
  BareEngine(Database db, String url, String history, boolean authorization, String revokes, boolean teamGrants,
      boolean careflowSessions) {
    this.pool = db.pool(url, 20);
    var configuration = new StandaloneProcessEngineConfiguration();
    configuration.setProcessEngineName("bench-" + UUID.randomUUID());
    configuration.setDataSource(pool);
    configuration.setDatabaseSchemaUpdate("true");
    configuration.setHistory(history);
    configuration.setJobExecutorActivate(false);
    configuration.setAuthorizationEnabled(authorization);
    configuration.setDefaultUserPermissionNameForTask("TASK_WORK");
    configuration.setGeneralResourceWhitelistPattern("[a-zA-Z0-9][a-zA-Z0-9_-]*");
    configuration.setAuthorizationCheckRevokes(revokes);
    if (teamGrants) {
      configuration.setResourceAuthorizationProvider(new DefaultAuthorizationProvider() {
        @Override
        public AuthorizationEntity[] newTaskGroupIdentityLink(Task task, String groupId,
            String identityLinkType) {
          return null;
        }
      });
    }
    if (careflowSessions) {
      try {
        configuration.getProcessEnginePlugins().add((org.camunda.bpm.engine.impl.cfg.ProcessEnginePlugin)
            Class.forName("io.careflow.system.EngineSessionsPlugin").getConstructor().newInstance());
      } catch (ReflectiveOperationException absent) {
        System.out.println("[bench] no io.careflow.system.EngineSessionsPlugin in this build: the engine's own sessions");
      }
    }
    this.engine = configuration.buildProcessEngine();
    engine.getRepositoryService().createDeployment().name("bench")
        .addModelInstance(ONE_TASK + ".bpmn", oneTask())
        .addModelInstance(TEAM_TASK + ".bpmn", teamTask())
        .deploy();
  }

  static BpmnModelInstance oneTask() {
    return Bpmn.createExecutableProcess(ONE_TASK).camundaHistoryTimeToLive(1)
        .startEvent("start")
        .userTask("user_task").camundaCandidateGroups("team-inquiries")
        .endEvent("end")
        .done();
  }

  private static BpmnModelInstance teamTask() {
    return Bpmn.createExecutableProcess(TEAM_TASK).camundaHistoryTimeToLive(1)
        .startEvent("start")
        .userTask("user_task").camundaCandidateGroups("${team}").camundaDueDate("${due}")
        .endEvent("end")
        .done();
  }

  void startOneTask() {
    engine.getRuntimeService().startProcessInstanceByKey(ONE_TASK);
  }

  @Override
  public void close() {
    engine.close();
    pool.close();
  }
}
