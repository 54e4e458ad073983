package io.careflow.question;

import io.careflow.files.PublicUploads;
import io.careflow.publicpages.PublicLinks;
import io.careflow.publicpages.PublicLinks.Link;
import io.careflow.publicpages.PublicLinks.Refusal;
import io.careflow.publicpages.PublicLinks.RefusedLinkException;
import io.careflow.publicpages.PublicPages;
import java.util.List;
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
 * The customer answers an agent's question on a small public page behind the link the question
 * carried, in their language: the question, a text and files. The answer resumes the case as an
 * answer by e-mail does ({@link CustomerQuestions#answerOnPage}). The link opens until the
 * question is answered — here or by e-mail — and then says the form was sent.
 */
@Controller
public class AnswerPage {

  static final int MAX_ANSWER = 10_000;

  private final PublicLinks links;
  private final CustomerQuestions questions;
  private final PublicPages pages;
  private final PublicUploads uploads;

  public AnswerPage(PublicLinks links, CustomerQuestions questions, PublicPages pages, PublicUploads uploads) {
    this.links = links;
    this.questions = questions;
    this.pages = pages;
    this.uploads = uploads;
  }

  @GetMapping(CustomerQuestions.LINK_PATH + "{token}")
  public ModelAndView form(@PathVariable String token, Model model) {
    Link link = links.open(token, CustomerQuestions.LINK_PURPOSE);
    return page(model, link, open(link), "", "", HttpStatus.OK);
  }

  @PostMapping(CustomerQuestions.LINK_PATH + "{token}")
  public ModelAndView submit(@PathVariable String token, @RequestParam(required = false) String answer,
      @RequestParam(name = "files", required = false) List<MultipartFile> files, Model model) {
    Link link = links.open(token, CustomerQuestions.LINK_PURPOSE);
    CustomerQuestions.Asked asked = open(link);
    String text = answer == null || answer.isBlank() ? null : answer.strip();
    String error = "";
    if (uploads.tooMany(files)) {
      error = "files-count";
    } else if (text != null && text.length() > MAX_ANSWER) {
      error = "answer-length";
    } else if (text == null && uploads.read(files).isEmpty()) {
      error = "answer-required";
    }
    if (!error.isEmpty()) {
      return page(model, link, asked, answer, error, HttpStatus.BAD_REQUEST);
    }
    var refused = questions.answerOnPage(link, text, uploads.read(files));
    model.addAttribute("refusedFiles", PublicUploads.refusedForPage(refused));
    model.addAllAttributes(uploads.field());
    return pages.render("public/answer-thanks", link, model, HttpStatus.OK);
  }

  /** The question the link is for, while it waits for its answer. */
  private CustomerQuestions.Asked open(Link link) {
    CustomerQuestions.Asked asked = questions.byAnswerLink(link.id())
        .orElseThrow(() -> new RefusedLinkException(Refusal.UNKNOWN));
    if (asked.answered()) {
      throw new RefusedLinkException(Refusal.USED, link.contactId());
    }
    return asked;
  }

  private ModelAndView page(Model model, Link link, CustomerQuestions.Asked asked, String answer, String error,
      HttpStatus status) {
    model.addAttribute("question", asked.question());
    model.addAttribute("answer", answer == null ? "" : answer);
    model.addAttribute("error", error);
    model.addAllAttributes(uploads.field());
    return pages.render("public/answer-form", link, model, status);
  }
}
