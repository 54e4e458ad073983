package io.careflow.cases;

import io.careflow.cases.CaseQuery.SlaState;
import io.careflow.casefile.CasePaths;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.OffsetDateTime;
import java.util.List;

/** One case of a search result: who, what, where, who worked it, when it came, how its reply deadline went. */
public record CaseRow(
    String id,
    @Schema(description = "the case page") String href,
    String customerId,
    @Schema(description = "the customer's name; null when they gave none") String customerName,
    String topic,
    String channel,
    String team,
    String status,
    String outcome,
    @Schema(description = "users who held one of the case's tasks, in the order they first did") List<String> agents,
    OffsetDateTime receivedAt,
    @Schema(description = "the reply deadline; null when the case has none") Sla sla) {

  /** The reply deadline: its state and when it is (was) due. */
  public record Sla(SlaState state, OffsetDateTime dueAt) {}

  public static String href(String contactId) {
    return CasePaths.page(contactId);
  }
}
