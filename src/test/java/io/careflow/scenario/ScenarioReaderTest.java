package io.careflow.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.careflow.scenario.Scenario.CheckStep;
import io.careflow.scenario.Scenario.CustomerForm;
import io.careflow.scenario.Scenario.RunDueJobs;
import io.careflow.scenario.Scenario.TaskStep;
import io.careflow.scenario.Scenario.Wait;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The scenario vocabulary as read: every word known, every typo an error naming file, place and key. */
class ScenarioReaderTest {

  static final String CONTACT = """
      contact:
        channel: EMAIL
        subject: s
        body: b
        customer: {email: jan@example.com}
      """;

  @TempDir
  Path dir;

  @Test
  void shouldReadEveryKindOfStep() throws IOException {
    Scenario scenario = read("all.yaml", """
        scenario: everything
        start: 2026-12-04T15:00
        %s
        classified as: {topic: inquiry, protocol: inquiry, team: team-inquiries}
        steps:
          - task: Answer the customer
            assignee: boris
            form: answer-customer
            complete: {replyText: "Hello", resolvedInFirstContact: true, compensationAmount: 150.5, attempts: 2}
          - run due jobs
          - wait: PT7H
          - customer answers: thanks
          - customer fills in: {reason: WRONG_SIZE}
            refused: yes
          - check: {status: waiting for customer, deadlines: {reply: breached}}
        end:
          status: RESOLVED
          deadlines: met
          case ended: yes
          messages: [{kind: ANSWER, contains: Hello, status: SENT}]
          emails: [{from: Boris, subject: Re, contains: Hello}]
        """.formatted(CONTACT));

    assertThat(scenario.start()).isEqualTo("2026-12-04T15:00");
    assertThat(scenario.classifiedAs().topic()).isEqualTo("INQUIRY");
    assertThat(scenario.steps()).hasSize(6);
    TaskStep task = (TaskStep) scenario.steps().get(0);
    // the form gets typed values, as Tasklist sends them
    assertThat(task.complete()).isEqualTo(Map.of("replyText", "Hello", "resolvedInFirstContact", true,
        "compensationAmount", 150.5, "attempts", 2));
    assertThat(scenario.steps().get(1)).isInstanceOf(RunDueJobs.class);
    assertThat(((Wait) scenario.steps().get(2)).duration().time()).hasHours(7);
    assertThat(((CustomerForm) scenario.steps().get(4)).refused()).isTrue();
    assertThat(((CheckStep) scenario.steps().get(5)).check().status()).isEqualTo("WAITING_FOR_CUSTOMER");
    assertThat(scenario.end().deadlines()).containsEntry(Scenario.Check.EVERY_DEADLINE, "MET");
    assertThat(scenario.end().caseEnded()).isTrue();
    assertThat(scenario.end().messages()).singleElement().satisfies(m -> assertThat(m.kind()).isEqualTo("ANSWER"));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      top-level typo        | steps: []\\nedn: {status: RESOLVED}                         | typo.yaml: unknown key 'edn'
      task key typo         | steps:\\n  - task: x\\n    asignee: anna                   | typo.yaml step 1: unknown key 'asignee'
      unknown step          | steps:\\n  - run jobs                                       | typo.yaml step 1: unknown step 'run jobs'
      two actions           | steps:\\n  - {task: x, wait: PT1H}                          | typo.yaml step 1: one step at a time
      bad duration          | steps:\\n  - wait: 7 hours                                  | typo.yaml step 1: wait: '7 hours' is not an ISO-8601
      bad status            | end: {status: DONE}                                         | typo.yaml end: status 'DONE' is not one of
      REPLY is no kind      | end: {messages: [{kind: REPLY}]}                            | typo.yaml end message 1: kind REPLY
      message key typo      | end: {messages: [{text: hi}]}                               | typo.yaml end message 1: unknown key 'text'
      bad deadline state    | end: {deadlines: {reply: late}}                             | typo.yaml end: deadlines: reply must be met, breached or open
      as without complete   | steps:\\n  - {task: x, as: anna}                            | typo.yaml step 1: 'as' says who completes
      nested form value     | steps:\\n  - {task: x, complete: {a: {b: c}}}               | typo.yaml step 1: complete: a must be a single value
      check key typo        | steps:\\n  - check: {satus: OPEN}                           | typo.yaml step 1 check: unknown key 'satus'
      """)
  void shouldNameTheFileThePlaceAndTheWord(String what, String yaml, String message) throws IOException {
    assertThatThrownBy(() -> read("typo.yaml", CONTACT + yaml.replace("\\n", "\n")))
        .isInstanceOf(ScenarioFailure.class).hasMessageContaining(message);
  }

  @Test
  void shouldWantOneWayIn() {
    assertThatThrownBy(() -> read("both.yaml", CONTACT + "missed call: {phone: '+48600100200'}\n"))
        .hasMessageContaining("both.yaml: say either 'contact' or 'missed call'");
    assertThatThrownBy(() -> read("none.yaml", "steps: []\n"))
        .hasMessageContaining("none.yaml: say either 'contact' or 'missed call'");
  }

  private Scenario read(String name, String yaml) throws IOException {
    Path file = Files.writeString(dir.resolve(name), yaml);
    return ScenarioReader.read(file);
  }
}
