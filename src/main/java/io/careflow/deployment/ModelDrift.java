package io.careflow.deployment;

import io.careflow.model.DeployedModels;
import io.careflow.system.EngineAsSystem;
import io.careflow.model.ModelDeployment;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.repository.ResourceDefinition;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.io.Resource;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

/**
 * Whether what runs is what {@code processes/} and {@code forms/} hold: a model deployed from
 * Camunda Modeler and never saved into the folder keeps running after a restart — careflow
 * deploys a file only when it differs from careflow's own last deployment of it — so the newest
 * version of a model can differ from its file without anyone noticing. careflow says so: a
 * warning per model at start, the gauge {@code careflow_model_drift{model,file}} (1 while they
 * differ) and {@code GET /api/models}. Compared byte for byte; recomputed at most every 30 s when
 * asked, at once after a deployment made here, and every {@code careflow.designer.drift-check}
 * (5 minutes) for the gauge.
 */
@Service
public class ModelDrift {

  private static final Logger LOG = LoggerFactory.getLogger(ModelDrift.class);
  static final Duration FRESH_FOR = Duration.ofSeconds(30);

  private final ModelDeployment files;
  private final RepositoryService repository;
  private final EngineAsSystem asSystem;
  private final Clock clock;
  private final MultiGauge gauge;
  private final AtomicReference<Snapshot> last = new AtomicReference<>();

  public ModelDrift(ModelDeployment files, ProcessEngine engine, EngineAsSystem asSystem, Clock clock,
      MeterRegistry registry) {
    this.files = files;
    this.repository = engine.getRepositoryService();
    this.asSystem = asSystem;
    this.clock = clock;
    this.gauge = MultiGauge.builder("careflow.model.drift")
        .description("1 for each model whose newest deployed version is not its file in processes/ or forms/")
        .register(registry);
  }

  /** A model as deployed, against its file. */
  public record ModelState(String file, String model, String kind, int deployedVersion, String deploymentName,
      Instant deployedAt, boolean matchesFile) {}

  private record Snapshot(Instant at, long deployments, List<ModelState> models) {}

  /** Every model of the files, newest deployed version first checked against its file. */
  public List<ModelState> models() {
    Snapshot snapshot = last.get();
    Instant now = clock.instant();
    long deployments = DeployedModels.deployments();
    if (snapshot == null || snapshot.deployments() != deployments || snapshot.at().plus(FRESH_FOR).isBefore(now)) {
      snapshot = new Snapshot(now, deployments, compute());
      last.set(snapshot);
      gauge.register(snapshot.models().stream().filter(m -> !m.matchesFile())
          .map(m -> MultiGauge.Row.of(Tags.of("model", m.model(), "file", m.file()), 1)).toList(), true);
    }
    return snapshot.models();
  }

  public List<ModelState> drifted() {
    return models().stream().filter(m -> !m.matchesFile()).toList();
  }

  /**
   * Keeps the gauge current between looks (a scrape never computes it): reading every model's
   * resource is no work for every 30 s of every node, and a drift is no emergency.
   */
  @Scheduled(fixedDelayString = "${careflow.designer.drift-check:PT5M}",
      initialDelayString = "${careflow.designer.drift-check:PT5M}")
  void refresh() {
    models();
  }

  @EventListener(ApplicationReadyEvent.class)
  void warnAtStart() {
    for (ModelState drift : drifted()) {
      LOG.warn("{}: the running version of {} (version {}, deployed {} as '{}') is not this file — new cases start on "
          + "the deployed one. Keep them together: save the deployed model into {} and commit it, or change and "
          + "save the file (careflow deploys a file at start when it differs from careflow's last deployment of it)",
          drift.file(), drift.model(), drift.deployedVersion(), drift.deployedAt(), drift.deploymentName(), drift.file());
    }
  }

  private List<ModelState> compute() {
    return asSystem.call(() -> {
      var states = new ArrayList<ModelState>();
      for (Resource file : files.getDeploymentResources()) {
        String name = file.getDescription();
        byte[] bytes = read(file);
        if (name.endsWith(".bpmn")) {
          for (Process process : Bpmn.readModelFromStream(new ByteArrayInputStream(bytes))
              .getModelElementsByType(Process.class)) {
            if (process.isExecutable()) {
              ProcessDefinition latest = repository.createProcessDefinitionQuery().processDefinitionKey(process.getId())
                  .latestVersion().singleResult();
              states.add(state(name, process.getId(), "process", latest, bytes));
            }
          }
        } else if (name.endsWith(".dmn")) {
          for (Decision decision : Dmn.readModelFromStream(new ByteArrayInputStream(bytes))
              .getModelElementsByType(Decision.class)) {
            DecisionDefinition latest = repository.createDecisionDefinitionQuery()
                .decisionDefinitionKey(decision.getId()).latestVersion().singleResult();
            states.add(state(name, decision.getId(), "decision", latest, bytes));
          }
        } else if (name.endsWith(".form")) {
          String id = formId(bytes);
          if (id != null) {
            ResourceDefinition latest = Context.getCommandContext().getCamundaFormDefinitionManager()
                .findLatestDefinitionByKey(id);
            states.add(state(name, id, "form", latest, bytes));
          }
        }
      }
      return List.copyOf(states);
    });
  }

  private ModelState state(String file, String model, String kind, ResourceDefinition latest, byte[] bytes) {
    if (latest == null) {
      return new ModelState(file, model, kind, 0, null, null, false);
    }
    Deployment deployment = repository.createDeploymentQuery().deploymentId(latest.getDeploymentId()).singleResult();
    boolean same;
    try (InputStream deployed = repository.getResourceAsStream(latest.getDeploymentId(), latest.getResourceName())) {
      same = Arrays.equals(deployed.readAllBytes(), bytes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new ModelState(file, model, kind, latest.getVersion(), deployment.getName(),
        deployment.getDeploymentTime().toInstant(), same);
  }

  private static byte[] read(Resource file) {
    try (InputStream in = file.getInputStream()) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String formId(byte[] bytes) {
    try {
      var id = new com.fasterxml.jackson.databind.ObjectMapper().readTree(new String(bytes, StandardCharsets.UTF_8))
          .get("id");
      return id == null ? null : id.asText();
    } catch (IOException e) {
      return null;
    }
  }
}
