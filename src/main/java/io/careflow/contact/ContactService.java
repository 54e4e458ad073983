package io.careflow.contact;

import io.careflow.casefile.Contact;
import io.careflow.casefile.ContactRepository;
import io.careflow.calendar.BusinessHoursProperties;
import io.careflow.sla.DeadlineService;
import io.careflow.system.NotFoundException;
import java.util.Objects;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Service;

/** Reads contacts for the API, with the state of their case in the engine. */
@Service
public class ContactService {

  private final ContactRepository contacts;
  private final TaskService taskService;
  private final BusinessHoursProperties businessHours;
  private final DeadlineService deadlines;

  public ContactService(ContactRepository contacts, TaskService taskService, BusinessHoursProperties businessHours,
      DeadlineService deadlines) {
    this.contacts = contacts;
    this.taskService = taskService;
    this.businessHours = businessHours;
    this.deadlines = deadlines;
  }

  public Contact get(String id) {
    return contacts.find(id).orElseThrow(() -> new NotFoundException("No contact " + id));
  }

  public ContactView view(String id) {
    return view(get(id));
  }

  public ContactView view(Contact contact) {
    return ContactView.of(contact, deadlines.first(contact.id(), DeadlineService.REPLY),
        currentAssignee(contact.id()), businessHours.zone());
  }

  /** The agent who holds the case's open task now, if any. */
  public String currentAssignee(String contactId) {
    return taskService.createTaskQuery().processInstanceBusinessKey(contactId).active()
        .orderByTaskCreateTime().desc().list().stream()
        .map(Task::getAssignee).filter(Objects::nonNull).findFirst().orElse(null);
  }
}
