package io.careflow.model.templates;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.careflow.communication.ReplyService;
import io.careflow.followup.FollowUpType;
import io.careflow.model.DecisionRows;
import io.careflow.model.TopicCatalog;
import io.careflow.protocol.defect.DefectReplacementProcess;
import io.careflow.protocol.returns.ReturnProcess;
import io.careflow.routing.Routing;
import io.careflow.shipment.ShipmentStatus;
import io.careflow.sla.SlaPolicy;
import io.careflow.sla.SlaVariables;
import io.careflow.system.Groups;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.core.io.ClassPathResource;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The closed value sets a designer's files and careflow's code define, which the templates'
 * dropdowns must offer: the steps of {@code sla-policy.dmn}, the topics and teams of the
 * classification and routing tables, the message templates of {@code templates/mail/} in the
 * languages the shop writes in, the forms, the customers' pages a notice can link to.
 *
 * @param mailTemplates message template name → the languages it exists in
 * @param sentByCode templates other blocks send themselves (the agent's reply, follow-ups, shipment news)
 * @param pages the paths of the customers' pages that open a link ({@code /public/returns/})
 * @param linkPurposes what a notice's link may be for: the pages a protocol sends a link to
 */
record DesignerData(Set<String> steps, Set<String> topics, Set<String> teams, List<String> languages,
    Map<String, Set<String>> mailTemplates, Set<String> sentByCode, Set<String> forms, Set<String> pages,
    Set<String> linkPurposes) {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** The files of the working copy ({@code processes/}, {@code templates/}, {@code forms/}) and careflow's pages. */
  static DesignerData read(Path root, BuildingBlocks beans) {
    DmnModelInstance policy = Dmn.readModelFromFile(root.resolve("processes/sla-policy.dmn").toFile());
    var steps = new TreeSet<String>();
    DecisionRows.of(policy, SlaPolicy.DECISION).orElseThrow().rows()
        .forEach(row -> steps.addAll(row.literalInputs(SlaVariables.STEP)));

    DmnModelInstance classification =
        Dmn.readModelFromFile(root.resolve("processes/contact-classification.dmn").toFile());
    var topics = new TreeSet<String>();
    var teams = new TreeSet<String>();
    for (TopicCatalog.Topic topic : TopicCatalog.topicsOf(DecisionRows.of(classification, TopicCatalog.DECISION)
        .orElseThrow())) {
      topics.add(topic.name());
      if (topic.team() != null) {
        teams.add(topic.team());
      }
    }
    DmnModelInstance routing = Dmn.readModelFromFile(root.resolve("processes/routing.dmn").toFile());
    DecisionRows.of(routing, Routing.DECISION).orElseThrow().rows()
        .forEach(row -> row.literalOutput(Routing.OUTPUT_TEAM).ifPresent(teams::add));
    // the leads take over for a senior and approve compensations, whatever the topic
    teams.add(Groups.TEAM_LEADS);

    var sentByCode = new TreeSet<String>();
    sentByCode.add(ReplyService.TEMPLATE_REPLY);
    Arrays.stream(FollowUpType.values()).map(FollowUpType::notice).forEach(sentByCode::add);
    Arrays.stream(ShipmentStatus.values()).map(ShipmentStatus::notice).forEach(sentByCode::add);
    // the files careflow could not take: values of their own
    sentByCode.add(io.careflow.files.CustomerFiles.NOTICE_REFUSED);

    return new DesignerData(steps, topics, teams, shopLanguages(), mailTemplates(root.resolve("templates/mail")),
        sentByCode, forms(root.resolve("forms")), pages(beans),
        Set.of(ReturnProcess.LINK_PURPOSE, DefectReplacementProcess.LINK_PURPOSE));
  }

  /**
   * The templates a notice can send: written in every language the shop writes in, and not one
   * another block sends. The staff's e-mails about deadlines are in English only, so they are not
   * among them.
   */
  Set<String> customerNotices() {
    var notices = new TreeSet<String>();
    mailTemplates.forEach((name, in) -> {
      if (in.containsAll(languages) && !sentByCode.contains(name)) {
        notices.add(name);
      }
    });
    return notices;
  }

  /** {@code careflow.languages} as careflow binds it from {@code application.yaml}. */
  private static List<String> shopLanguages() {
    try {
      var sources = new YamlPropertySourceLoader().load("application", new ClassPathResource("application.yaml"));
      return new Binder(ConfigurationPropertySources.from(sources))
          .bind("careflow.languages", Bindable.listOf(String.class))
          .orElseThrow(() -> new IllegalStateException("application.yaml names no careflow.languages"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** {@code <name>_<language>.ftlh} → name → languages. */
  private static Map<String, Set<String>> mailTemplates(Path folder) {
    var templates = new TreeMap<String, Set<String>>();
    for (String file : names(folder)) {
      if (file.endsWith(".ftlh") && file.contains("_")) {
        String stem = file.substring(0, file.length() - ".ftlh".length());
        int cut = stem.lastIndexOf('_');
        templates.computeIfAbsent(stem.substring(0, cut), n -> new TreeSet<>()).add(stem.substring(cut + 1));
      }
    }
    return templates;
  }

  private static Set<String> forms(Path folder) {
    var ids = new TreeSet<String>();
    for (String file : names(folder)) {
      if (file.endsWith(".form")) {
        try {
          ids.add(JSON.readTree(folder.resolve(file).toFile()).path("id").asText());
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
    }
    return ids;
  }

  /** The customers' pages behind a signed link: {@code GET /public/…/{token}}. */
  private static Set<String> pages(BuildingBlocks beans) {
    var pages = new TreeSet<String>();
    for (Class<?> type : beans.types()) {
      for (Method method : type.getDeclaredMethods()) {
        GetMapping get = AnnotatedElementUtils.findMergedAnnotation(method, GetMapping.class);
        if (get == null) {
          continue;
        }
        for (String path : get.path()) {
          if (path.startsWith("/public/") && path.endsWith("{token}")) {
            pages.add(path.substring(0, path.length() - "{token}".length()));
          }
        }
      }
    }
    return pages;
  }

  private static List<String> names(Path folder) {
    try (Stream<Path> files = Files.list(folder)) {
      return files.map(f -> f.getFileName().toString()).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
