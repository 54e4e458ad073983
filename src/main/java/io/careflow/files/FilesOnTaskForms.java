package io.careflow.files;

import io.careflow.casefile.CaseVariables;
import io.careflow.calendar.BusinessHoursProperties;
import java.util.List;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * The customer's files on every task form of the case: the task-local variable
 * {@value #VARIABLE} holds them as Markdown — a thumbnail of each photo linking to the photo, a
 * link to each other file, and each refused file with why — which the form block
 * {@code forms/blocks/customer-files.json} shows. Set when a task is created (added to every user
 * task by {@link FilesOnTaskFormsPlugin}), and anew on the case's open tasks when the customer
 * sends more. The links open through the case page's access rule: the task's candidates (the
 * case's team) may open them.
 */
@Component
public class FilesOnTaskForms implements TaskListener {

  /** The task-local variable a form shows the files with. */
  public static final String VARIABLE = "customerFiles";
  /** What fits in a text variable (4,000 characters), with room to say some were left out. */
  static final int MAX_TEXT = 3_800;

  private final CustomerFiles files;
  private final BusinessHoursProperties shopTime;
  private final TaskService tasks;

  public FilesOnTaskForms(CustomerFiles files, BusinessHoursProperties shopTime, @Lazy TaskService tasks) {
    this.files = files;
    this.shopTime = shopTime;
    this.tasks = tasks;
  }

  @Override
  public void notify(DelegateTask task) {
    String contactId = CaseVariables.contactId(task);
    if (contactId != null) {
      task.setVariableLocal(VARIABLE, markdown(contactId, files.ofContact(contactId)));
    }
  }

  /** The case's open tasks show the files as they are now (the customer sent more). */
  public void refresh(String contactId) {
    String text = markdown(contactId, files.ofContact(contactId));
    tasks.createTaskQuery().processInstanceBusinessKey(contactId).list()
        .forEach(task -> tasks.setVariableLocal(task.getId(), VARIABLE, text));
  }

  String markdown(String contactId, List<CustomerFiles.StoredFile> all) {
    if (all.isEmpty()) {
      return "No files from the customer.";
    }
    var text = new StringBuilder();
    text.append("**").append(all.size()).append(all.size() == 1 ? " file" : " files")
        .append(" from the customer** (open one to see it whole)\n\n");
    int shown = 0;
    for (CustomerFiles.StoredFile file : all) {
      String line = line(contactId, file);
      if (text.length() + line.length() > MAX_TEXT) {
        text.append("\n… and ").append(all.size() - shown).append(" more on the case page");
        break;
      }
      text.append(line);
      shown++;
    }
    return text.toString();
  }

  private String line(String contactId, CustomerFiles.StoredFile file) {
    String name = safe(file.fileName());
    String about = safeType(file.mediaType()) + ", " + file.size() + ", received " + shopTime.local(file.receivedAt());
    if (!file.accepted()) {
      return "- " + name + " (" + file.size() + "): not taken, " + safeType(file.refusal()) + "\n\n";
    }
    String url = url(contactId, file.id());
    String thumbnail = file.image() ? "[![" + name + "](" + url + ")](" + url + ")\n" : "";
    return thumbnail + "- [" + name + "](" + url + ") " + about + "\n\n";
  }

  /** Where a file of the case opens (the case page's access rule). */
  public static String url(String contactId, String fileId) {
    return "/cases/" + contactId + "/files/" + fileId;
  }

  /** A media type (or a reason naming one) the customer's mail client declared, harmless in Markdown. */
  static String safeType(String text) {
    return text == null ? "" : text.replaceAll("[^A-Za-z0-9 /.+-]", "_");
  }

  /** A customer's file name, harmless in Markdown: letters, digits, spaces and {@code . - _} only. */
  static String safe(String fileName) {
    String name = fileName == null ? "" : fileName.replaceAll("[^\\p{L}\\p{N} ._-]", "_").strip();
    return name.isEmpty() ? "file" : name.length() > 80 ? name.substring(0, 80) + "…" : name;
  }
}
