package io.careflow.model.templates;

import static io.careflow.model.templates.ElementTemplate.ATTRIBUTE;
import static io.careflow.model.templates.ElementTemplate.EXTENSION_PROPERTY;
import static io.careflow.model.templates.ElementTemplate.INPUT;

import io.careflow.communication.MessageKind;
import io.careflow.communication.ReplyStep;
import io.careflow.communication.SendCustomerNoticeDelegate;
import io.careflow.contact.RecordOutcomeDelegate;
import io.careflow.contact.StartProtocolDelegate;
import io.careflow.model.templates.ElementTemplate.Property;
import io.careflow.sla.SlaVariables;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * A template's dropdowns against the data: a designer who adds a step to {@code sla-policy.dmn},
 * a topic to the classification table or a notice to {@code templates/mail/} and forgets the
 * template is told which template to update, and a choice that names something careflow does not
 * have is refused. Expressions ({@code ${team}}) and the empty "(choose …)" entry are not data and
 * pass.
 */
final class ChoicesCheck {

  private final DesignerData data;

  ChoicesCheck(DesignerData data) {
    this.data = data;
  }

  List<String> problems(ElementTemplate template) {
    var problems = new ArrayList<String>();
    for (Property property : template.properties()) {
      if (property.isDropdown() && property.value() != null && !property.choices().contains(property.value())) {
        problems.add(template.where() + ": '" + property.label() + "' starts on " + property.value()
            + ", which is none of its choices");
      }
    }
    template.binding(INPUT, SlaVariables.DEADLINE).ifPresent(p -> {
      if (p.values().contains("")) {
        problems.add(template.where() + ": input deadline offers an empty choice, which careflow refuses to deploy");
      }
      exactly(template, p, data.steps(), "the steps of processes/sla-policy.dmn", problems);
    });
    template.binding(EXTENSION_PROPERTY, SlaVariables.DEADLINE)
        .ifPresent(p -> exactly(template, p, data.steps(), "the steps of processes/sla-policy.dmn", problems));
    template.binding(INPUT, SendCustomerNoticeDelegate.NOTICE).ifPresent(p -> notices(template, p, problems));
    template.binding(INPUT, StartProtocolDelegate.TOPIC).ifPresent(p -> exactly(template, p, data.topics(),
        "the topics of processes/contact-classification.dmn", problems));
    template.binding(ATTRIBUTE, "camunda:candidateGroups").ifPresent(p -> exactly(template, p, data.teams(),
        "the teams of processes/contact-classification.dmn and routing.dmn, and team-leads", problems));
    template.binding(INPUT, RecordOutcomeDelegate.CASE_ENDS).ifPresent(p -> exactly(template, p,
        RecordOutcomeDelegate.CASE_ENDINGS, "how Record the outcome can end a case", problems));
    template.binding(INPUT, ReplyStep.REPLY_KIND).ifPresent(p -> exactly(template, p, Arrays.stream(MessageKind.values())
        .filter(MessageKind::byAgent).map(Enum::name).collect(Collectors.toSet()), "what an agent writes", problems));
    template.binding(INPUT, SendCustomerNoticeDelegate.LINK_PURPOSE).ifPresent(p -> exactly(template, p,
        data.linkPurposes(), "the pages a notice links to", problems));
    template.binding(INPUT, SendCustomerNoticeDelegate.LINK_PATH).ifPresent(p -> atMost(template, p, data.pages(),
        "the customers' pages careflow serves", problems));
    template.binding(ATTRIBUTE, "camunda:formRef").ifPresent(p -> atMost(template, p, data.forms(),
        "the forms of forms/", problems));
    return problems;
  }

  /** The choices are the data: none missing, none extra. */
  private static void exactly(ElementTemplate template, Property property, Set<String> data, String what,
      List<String> problems) {
    requireDropdown(template, property, what, problems);
    Set<String> offered = literals(property);
    var missing = new TreeSet<>(data);
    missing.removeAll(offered);
    if (!missing.isEmpty()) {
      problems.add(template.where() + ": '" + property.label() + "' does not offer " + missing + " of " + what
          + ": add a choice for each");
    }
    atMost(template, property, data, what, problems);
  }

  /** Every choice is in the data. */
  private static void atMost(ElementTemplate template, Property property, Set<String> data, String what,
      List<String> problems) {
    var extra = literals(property);
    extra.removeAll(data);
    if (!extra.isEmpty()) {
      problems.add(template.where() + ": '" + property.label() + "' offers " + extra + ", which are not among " + what
          + " " + new TreeSet<>(data) + ": remove them or add them there");
    }
  }

  private void notices(ElementTemplate template, Property property, List<String> problems) {
    requireDropdown(template, property, "the notices of templates/mail/", problems);
    Set<String> offered = literals(property);
    for (String notice : offered) {
      var missing = new TreeSet<>(data.languages());
      missing.removeAll(data.mailTemplates().getOrDefault(notice, Set.of()));
      if (!missing.isEmpty()) {
        problems.add(template.where() + ": offers notice '" + notice + "', but templates/mail/" + notice
            + "_<language>.ftlh is missing for " + missing + " (careflow.languages: " + data.languages() + ")");
      } else if (data.sentByCode().contains(notice)) {
        problems.add(template.where() + ": offers '" + notice + "', which another block sends with values of its own");
      }
    }
    var forgotten = new TreeSet<>(data.customerNotices());
    forgotten.removeAll(offered);
    if (!forgotten.isEmpty()) {
      problems.add(template.where() + ": templates/mail/ has " + forgotten + " in every language of "
          + data.languages() + ", but '" + property.label() + "' does not offer them: add a choice for each");
    }
  }

  private static void requireDropdown(ElementTemplate template, Property property, String what, List<String> problems) {
    if (!property.isDropdown() && !property.isHidden()) {
      problems.add(template.where() + ": '" + property.label() + "' must be a Dropdown of " + what + ", is "
          + property.type());
    }
  }

  /** The choices that are values, not expressions or the empty entry. */
  private static Set<String> literals(Property property) {
    return property.values().stream().filter(v -> !v.isBlank() && !v.contains("${") && !v.contains("#{"))
        .collect(Collectors.toCollection(TreeSet::new));
  }
}
