package io.careflow.cases;

import io.careflow.casefile.CaseReaders;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The case search as an API: {@code GET /api/contacts?…}, the same search as the page {@code /cases}. */
@RestController
@Tag(name = "Contacts")
public class CaseSearchController {

  private final CaseQueryParser parser;
  private final CaseSearch search;

  public CaseSearchController(CaseQueryParser parser, CaseSearch search) {
    this.parser = parser;
    this.search = search;
  }

  @Operation(summary = "Find contacts (cases), newest first, one page at a time",
      description = "Managers, team leads and administrators search every case; agents the cases they or their"
          + " team worked on. Every parameter is optional; text matches partially, ignoring case.")
  @ApiResponse(responseCode = "200", description = "one page of matching cases")
  @ApiResponse(responseCode = "400", description = "a parameter that does not parse: problem+json naming it")
  @GetMapping("/api/contacts")
  public CasePage find(
      @Parameter(description = "part of the customer's name, e-mail, phone or channel handle")
      @RequestParam(required = false) String customer,
      @Parameter(description = "part of the order number") @RequestParam(required = false) String order,
      @Parameter(description = "a topic of the classification table") @RequestParam(required = false) String topic,
      @Parameter(description = "EMAIL, PHONE, MISSED_CALL, CHAT, WEB_FORM, SOCIAL or SMS")
      @RequestParam(required = false) String channel,
      @Parameter(description = "the team that runs the case; triage: none yet") @RequestParam(required = false)
      String team,
      @Parameter(description = "a user who held one of the case's tasks") @RequestParam(required = false)
      String agent,
      @Parameter(description = "OPEN, WAITING_FOR_CUSTOMER, RESOLVED or CLOSED; repeat for several")
      @RequestParam(required = false) List<String> status,
      @Parameter(description = "how the case ended, a code the protocol recorded (contact.outcome)") @RequestParam(required = false)
      String outcome,
      @Parameter(description = "true: a deadline of the case was missed or is overdue now; false: none")
      @RequestParam(required = false) String breached,
      @Parameter(description = "the reply deadline: MET, BREACHED, OPEN or OVERDUE") @RequestParam(required = false)
      String sla,
      @Parameter(description = "an open deadline now: OVERDUE or DUE_SOON (within the hour), as the dashboard's backlog")
      @RequestParam(required = false) String deadline,
      @Parameter(description = "resolved in the first contact, as the KPIs count it") @RequestParam(required = false)
      String fcr,
      @Parameter(description = "false: contacts of customers only (as the KPIs count them); true: opened by the shop")
      @RequestParam(required = false) String proactive,
      @Parameter(description = "received from: a shop-local date (2026-11-30) or an instant with offset")
      @RequestParam(required = false) String from,
      @Parameter(description = "received until: a shop-local date, included, or an instant with offset, excluded")
      @RequestParam(required = false) String to,
      @Parameter(description = "0-based page, default 0") @RequestParam(required = false) String page,
      @Parameter(description = "cases per page, 1 to 100, default 20") @RequestParam(required = false) String size,
      HttpServletRequest request, Authentication user) {
    return search.find(parser.parse(request.getParameterMap()), CaseReaders.Viewer.of(user));
  }
}
