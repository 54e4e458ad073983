package io.careflow.scenario;

import com.icegreen.greenmail.util.GreenMail;
import io.careflow.communication.MessageRepository;
import io.careflow.casefile.ContactRepository;
import io.careflow.sla.DeadlineService;
import io.careflow.calendar.WorkingTimeCalendar;
import io.careflow.support.Http;
import org.camunda.bpm.engine.ProcessEngine;
import org.springframework.context.ApplicationContext;

/**
 * The careflow a scenario runs against: its URL (the customer, the agents and the managers use
 * it over HTTP as they would), its engine (clock and jobs: time passes in tests only) and the
 * few records the checks read. {@code mail} is the mail server careflow sends to; null when the
 * caller has none, and then a scenario that checks e-mails fails saying so.
 */
public record Careflow(String baseUrl, ProcessEngine engine, WorkingTimeCalendar calendar, ContactRepository contacts,
    MessageRepository messages, DeadlineService deadlines, GreenMail mail) {

  /** The beans of a running careflow (any application context: the shared test one or one a test started). */
  public static Careflow of(ApplicationContext context, String baseUrl, GreenMail mail) {
    return new Careflow(baseUrl, context.getBean(ProcessEngine.class), context.getBean(WorkingTimeCalendar.class),
        context.getBean(ContactRepository.class), context.getBean(MessageRepository.class),
        context.getBean(DeadlineService.class), mail);
  }

  Http http() {
    return new Http(baseUrl);
  }
}
