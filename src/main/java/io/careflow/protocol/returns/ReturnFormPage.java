package io.careflow.protocol.returns;

import io.careflow.communication.CaseToken;
import io.careflow.casefile.Contact;
import io.careflow.casefile.ContactRepository;
import io.careflow.files.PublicUploads;
import io.careflow.publicpages.PublicLinks;
import io.careflow.publicpages.PublicLinks.Link;
import io.careflow.publicpages.PublicPages;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.ModelAndView;

/**
 * The return form (SPEC R3): a small public page behind the signed link the customer got,
 * naming the order and item of the case. The reason comes from a fixed list; "other" needs a
 * comment. A refused link shows the friendly page of {@link PublicPages}; bad input shows the
 * form again with the message in the customer's language. Sent, the customer sees the return
 * instructions with the order and case number; the same instructions go out as a notice from
 * {@code return.bpmn}'s "Send the return instructions" step (retried, an incident when the
 * channel stays down), never from here.
 * Photos or documents may come with the form ({@link PublicUploads}); a file careflow does not
 * take is named on the thanks page.
 */
@Controller
public class ReturnFormPage {

  static final int MAX_COMMENT = 2000;

  private final PublicLinks links;
  private final ReturnRequests returns;
  private final PublicPages pages;
  private final ContactRepository contacts;
  private final PublicUploads uploads;

  public ReturnFormPage(PublicLinks links, ReturnRequests returns, PublicPages pages, ContactRepository contacts,
      PublicUploads uploads) {
    this.uploads = uploads;
    this.links = links;
    this.returns = returns;
    this.pages = pages;
    this.contacts = contacts;
  }

  @GetMapping("/public/returns/{token}")
  public ModelAndView form(@PathVariable String token, Model model) {
    Link link = links.open(token, ReturnProcess.LINK_PURPOSE);
    return page(model, link, null, null, null, HttpStatus.OK);
  }

  @PostMapping("/public/returns/{token}")
  public ModelAndView submit(@PathVariable String token, @RequestParam(required = false) String reason,
      @RequestParam(required = false) String comment,
      @RequestParam(name = "files", required = false) List<MultipartFile> files, Model model) {
    Link link = links.open(token, ReturnProcess.LINK_PURPOSE);
    ReturnReason chosen = Arrays.stream(ReturnReason.values()).filter(r -> r.name().equals(reason)).findFirst()
        .orElse(null);
    String text = comment == null || comment.isBlank() ? null : comment.strip();
    String error = null;
    if (chosen == null) {
      error = "reason";
    } else if (text != null && text.length() > MAX_COMMENT) {
      error = "comment-length";
    } else if (chosen == ReturnReason.OTHER && text == null) {
      error = "comment-required";
    } else if (uploads.tooMany(files)) {
      error = "files-count";
    }
    if (error != null) {
      return page(model, link, reason, comment, error, HttpStatus.BAD_REQUEST);
    }
    var submitted = returns.submit(link, chosen, text, uploads.read(files));
    model.addAttribute("refusedFiles", PublicUploads.refusedForPage(submitted.refusedFiles()));
    model.addAllAttributes(uploads.field());
    model.addAllAttributes(order(link));
    return pages.render("public/return-thanks", link, model, HttpStatus.OK);
  }

  /** The order, item and case number the customer's pages and notice name. */
  private Map<String, Object> order(Link link) {
    var order = new LinkedHashMap<String, Object>();
    var contact = contacts.find(link.contactId());
    order.put("orderId", contact.map(Contact::orderId).orElse(""));
    order.put("product", contact.map(Contact::productSku).orElse(""));
    order.put("caseToken", CaseToken.of(link.contactId()));
    return order;
  }

  private ModelAndView page(Model model, Link link, String reason, String comment, String error, HttpStatus status) {
    String language = pages.language(link.contactId());
    Map<String, String> reasons = new LinkedHashMap<>();
    for (ReturnReason r : ReturnReason.values()) {
      reasons.put(r.name(), r.label(language));
    }
    model.addAttribute("reasons", reasons);
    model.addAttribute("reason", reason == null ? "" : reason);
    model.addAttribute("comment", comment == null ? "" : comment);
    model.addAttribute("error", error == null ? "" : error);
    model.addAllAttributes(order(link));
    model.addAllAttributes(uploads.field());
    return pages.render("public/return-form", language, model, status);
  }
}
