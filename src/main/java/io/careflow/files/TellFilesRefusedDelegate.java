package io.careflow.files;

import io.careflow.communication.CustomerNotices;
import io.careflow.communication.SendCustomerNoticeDelegate;
import io.careflow.casefile.CaseVariables;
import java.util.Arrays;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Tell the customer which files were not taken" ({@code customer-notice.bpmn}): the notice
 * {@value CustomerFiles#NOTICE_REFUSED} naming each refused file of the step's list with why. A
 * retry of the step sends the same message ({@link CustomerNotices}' outbox rule).
 */
@Component
public class TellFilesRefusedDelegate implements JavaDelegate {

  private final CustomerFiles files;
  private final CustomerNotices notices;

  public TellFilesRefusedDelegate(CustomerFiles files, CustomerNotices notices) {
    this.files = files;
    this.notices = notices;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String contactId = CaseVariables.contactId(execution);
    String ids = CaseVariables.string(execution, FilesRefusedProcess.REFUSED_FILE_IDS);
    var refused = files.refused(contactId, ids == null ? java.util.List.of() : Arrays.asList(ids.split(",")));
    if (refused.isEmpty()) {
      return;
    }
    Map<String, Object> values = Map.of("files", refused.stream()
            .map(r -> Map.of("name", r.fileName(), "reason", r.reason())).toList(),
        "maxSize", files.maxSize());
    notices.send(contactId, CustomerFiles.NOTICE_REFUSED, values, null, SendCustomerNoticeDelegate.source(execution));
  }
}
