package io.careflow.demo.customers;

import io.careflow.calendar.BusinessHoursProperties;
import io.careflow.system.InvalidRequestException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.context.annotation.Profile;
import org.springframework.http.HttpStatus;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.view.RedirectView;

/**
 * {@code /demo/customers}: the customer's side of the demo — every message careflow delivered,
 * per customer and channel, each with "answer as the customer" ({@link CustomerAnswers}). A
 * refused answer shows the page again with the error and the text kept (400); an accepted one
 * goes back to the page (303), which says what became of it.
 */
@Controller
@Profile("demo")
public class CustomerPageController {

  static final String PATH = "/demo/customers";

  private final DeliveredMessages delivered;
  private final DemoChannelInbox inbox;
  private final CustomerAnswers answers;
  private final BusinessHoursProperties shopTime;

  public CustomerPageController(DeliveredMessages delivered, DemoChannelInbox inbox, CustomerAnswers answers,
      BusinessHoursProperties shopTime) {
    this.delivered = delivered;
    this.inbox = inbox;
    this.answers = answers;
    this.shopTime = shopTime;
  }

  @GetMapping(PATH)
  public String page(@RequestParam(required = false) String answered, @RequestParam(required = false) String how,
      Model model, CsrfToken csrf) {
    if (answered != null && how != null) {
      model.addAttribute("notice", switch (how) {
        case "email" -> "The customer's e-mail went to the support mailbox; careflow reads it on its next poll.";
        case "new" -> "The case had ended: the answer opened a new contact " + answered + ".";
        case "resumed" -> "The answer reached case " + answered + ", which resumed.";
        default -> "The answer is on case " + answered + " for the agent.";
      });
    }
    return render(model, csrf, null, null, null);
  }

  @PostMapping(PATH + "/messages/{messageId}/answer")
  public ModelAndView answer(@PathVariable String messageId, @RequestParam(required = false) String body,
      Model model, CsrfToken csrf) {
    try {
      CustomerAnswers.Answered answered = answers.answer(messageId, body);
      String how = answered.byEmail() ? "email" : answered.newContact() ? "new"
          : answered.resumedCase() ? "resumed" : "kept";
      var back = new RedirectView(PATH + "?answered=" + answered.contactId() + "&how=" + how, true);
      back.setStatusCode(HttpStatus.SEE_OTHER);
      return new ModelAndView(back);
    } catch (InvalidRequestException e) {
      String view = render(model, csrf, messageId, body, e.problems());
      return new ModelAndView(view, model.asMap(), HttpStatus.BAD_REQUEST);
    } catch (CustomerAnswers.MailServerDown e) {
      model.addAttribute("failure", e.getMessage());
      String view = render(model, csrf, messageId, body, null);
      return new ModelAndView(view, model.asMap(), HttpStatus.SERVICE_UNAVAILABLE);
    }
  }

  private String render(Model model, CsrfToken csrf, String failedMessageId, String failedText,
      List<InvalidRequestException.FieldProblem> errors) {
    // customer → channel → messages, customers in the order of their newest message
    var customers = new LinkedHashMap<String, Map<String, Object>>();
    for (DeliveredMessages.Delivered m : delivered.newest()) {
      String key = Objects.requireNonNullElse(m.customerId(), m.recipient());
      var customer = customers.computeIfAbsent(key, k -> {
        var c = new LinkedHashMap<String, Object>();
        c.put("name", m.customerName() == null ? m.recipient() : m.customerName());
        c.put("channels", new LinkedHashMap<String, List<Map<String, Object>>>());
        return c;
      });
      @SuppressWarnings("unchecked")
      var channels = (Map<String, List<Map<String, Object>>>) customer.get("channels");
      var row = new LinkedHashMap<String, Object>();
      row.put("id", m.id());
      row.put("contactId", m.contactId());
      row.put("caseStatus", m.contactStatus().name());
      row.put("to", m.recipient() == null ? "" : m.recipient());
      row.put("from", m.authorName() == null ? "" : m.authorName());
      row.put("subject", m.subject() == null ? "" : m.subject());
      var took = inbox.of(m.id());
      row.put("text", took.map(DemoChannelInbox.Delivered::text).orElse(m.body() == null ? "" : m.body()));
      row.put("via", CustomerAnswers.isEmail(m) ? "e-mail (SMTP)"
          : took.map(t -> "the demo " + t.channel() + " receiver").orElse("the channel's webhook"));
      row.put("sentAt", m.sentAt() == null ? "" : shopTime.local(m.sentAt()));
      boolean failed = m.id().equals(failedMessageId);
      row.put("draft", failed && failedText != null ? failedText : "");
      row.put("errors", failed && errors != null ? errors : List.of());
      channels.computeIfAbsent(m.channel().name(), k -> new ArrayList<>()).add(row);
    }
    model.addAttribute("customers", new ArrayList<>(customers.values()));
    model.addAttribute("csrfParameter", csrf.getParameterName());
    model.addAttribute("csrfToken", csrf.getToken());
    if (errors != null) {
      model.addAttribute("errors", errors);
    }
    return "demo/customers";
  }
}
