package io.careflow.contact;

import io.careflow.casefile.CasePaths;
import io.careflow.casefile.CaseVariables;
import io.careflow.casefile.Contact;
import io.careflow.casefile.ContactRepository;
import io.careflow.customer.CustomerHistory;
import io.careflow.calendar.BusinessHoursProperties;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Puts the context of the case into every task form (task-local variables, gone from the
 * runtime when the task ends): who the customer is, what they wrote, and a short summary
 * of their earlier contacts in any channel (SPEC R1), and the case's facts ({@link CaseFacts}: what
 * the Tasklist card and the form block {@code case-facts} show). Added to every user task of a case
 * by {@link CaseTaskFormPlugin}, so a designer's new task gets it too.
 */
@Component
public class TaskFormContextListener implements TaskListener {

  private final ContactRepository contacts;
  private final CustomerHistory history;
  private final BusinessHoursProperties shopTime;
  private final CaseFacts facts;

  public TaskFormContextListener(ContactRepository contacts, CustomerHistory history,
      BusinessHoursProperties shopTime, CaseFacts facts) {
    this.contacts = contacts;
    this.history = history;
    this.shopTime = shopTime;
    this.facts = facts;
  }

  @Override
  public void notify(DelegateTask task) {
    String contactId = CaseVariables.contactId(task);
    if (contactId == null) {
      return; // not a customer case
    }
    task.setPriority(Math.max(task.getPriority(),
        CommunicationStyle.taskPriority(task.getVariable(io.careflow.sla.SlaVariables.PRIORITY))));
    task.setVariableLocal(CaseVariables.FORM_CASE_PAGE, casePage(contactId));
    contacts.find(contactId).ifPresent(contact -> {
      facts.fill(task, contact);
      task.setVariableLocal(CaseVariables.FORM_CUSTOMER_MESSAGE, message(contact));
      task.setVariableLocal(CaseVariables.FORM_CUSTOMER_SUMMARY, history.summary(contact.customerId(), contact.id()));
    });
  }

  /** The case page of the contact: what happened so far, on the diagram, with the conversation. */
  public static String casePage(String contactId) {
    return CasePaths.page(contactId);
  }

  /**
   * Camunda keeps a text variable in a column of 4,000 characters: a longer one fails the step
   * that creates the task (an e-mail of 100 kB could never be taken in). The form shows at most
   * this much; the whole text stays on the contact and in the customer record.
   */
  static final int MAX_FORM_TEXT = 3_900;
  static final String SHORTENED = "\n[… shortened for the task form; the whole text is in the customer record]\n";

  String message(Contact contact) {
    var head = new StringBuilder();
    head.append(contact.channel()).append(", received ").append(shopTime.local(contact.receivedAt())).append('\n');
    if (contact.subject() != null) {
      head.append("Subject: ").append(contact.subject()).append("\n\n");
    }
    String body = contact.body() == null ? "(no message text)" : contact.body();
    String conversation = history.conversation(contact.id());
    return fit(head.toString(), body, conversation.isEmpty() ? "" : "\n\n" + conversation);
  }

  /** head + body + conversation; when too long, the body's start and the conversation's newest end. */
  static String fit(String head, String body, String conversation) {
    if (head.length() + body.length() + conversation.length() <= MAX_FORM_TEXT) {
      return head + body + conversation;
    }
    int room = MAX_FORM_TEXT - head.length() - 2 * SHORTENED.length();
    int bodyRoom = Math.max(Math.min(body.length(), room / 2), room - conversation.length());
    bodyRoom = Math.min(bodyRoom, body.length());
    String shortBody = bodyRoom < body.length() ? body.substring(0, bodyRoom) + SHORTENED : body;
    int conversationRoom = room - bodyRoom;
    String shortConversation = conversationRoom < conversation.length()
        ? SHORTENED + conversation.substring(conversation.length() - Math.max(0, conversationRoom)) : conversation;
    return head + shortBody + shortConversation;
  }
}
