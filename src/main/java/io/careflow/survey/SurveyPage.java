package io.careflow.survey;

import io.careflow.followup.SendFollowUpDelegate;
import io.careflow.publicpages.PublicLinks;
import io.careflow.publicpages.PublicLinks.Link;
import io.careflow.publicpages.PublicPages;
import java.util.ArrayList;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/**
 * The public survey page behind the signed link of the invitation: three scales and a
 * comment. A bad answer shows the page again (400) and stores nothing; an unknown or forged
 * link is 404, an expired or used one 410 (see {@link PublicPages}).
 */
@Controller
public class SurveyPage {

  static final int MAX_COMMENT = 2000;

  private final PublicLinks links;
  private final SurveyAnswers answers;
  private final PublicPages pages;

  public SurveyPage(PublicLinks links, SurveyAnswers answers, PublicPages pages) {
    this.links = links;
    this.answers = answers;
    this.pages = pages;
  }

  @GetMapping("/public/survey/{token}")
  public ModelAndView form(@PathVariable String token, Model model) {
    Link link = links.open(token, SendFollowUpDelegate.SURVEY_PURPOSE);
    return page(model, link, "", "", "", "", List.of(), HttpStatus.OK);
  }

  @PostMapping("/public/survey/{token}")
  public ModelAndView submit(@PathVariable String token, @RequestParam(required = false) String csat,
      @RequestParam(required = false) String nps, @RequestParam(required = false) String ces,
      @RequestParam(required = false) String comment, Model model) {
    Link link = links.open(token, SendFollowUpDelegate.SURVEY_PURPOSE);
    var errors = new ArrayList<String>();
    Integer csatValue = score(csat, 1, 5, "csat", errors);
    Integer npsValue = score(nps, 0, 10, "nps", errors);
    Integer cesValue = score(ces, 1, 7, "ces", errors);
    String text = comment == null || comment.isBlank() ? null : comment.strip();
    if (text != null && text.length() > MAX_COMMENT) {
      errors.add("comment");
    }
    if (!errors.isEmpty()) {
      return page(model, link, csat, nps, ces, comment, errors, HttpStatus.BAD_REQUEST);
    }
    answers.store(link, csatValue, npsValue, cesValue, text);
    return pages.render("public/survey-thanks", link, model, HttpStatus.OK);
  }

  private static Integer score(String value, int min, int max, String field, List<String> errors) {
    // ASCII digits only: Integer.parseInt also reads other scripts' digits ("٣" is 3)
    if (value == null || !value.strip().matches("[0-9]{1,2}")) {
      errors.add(field);
      return null;
    }
    try {
      int score = Integer.parseInt(value.strip());
      if (score >= min && score <= max) {
        return score;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    errors.add(field);
    return null;
  }

  private ModelAndView page(Model model, Link link, String csat, String nps, String ces, String comment,
      List<String> errors, HttpStatus status) {
    model.addAttribute("csat", csat == null ? "" : csat);
    model.addAttribute("nps", nps == null ? "" : nps);
    model.addAttribute("ces", ces == null ? "" : ces);
    model.addAttribute("comment", comment == null ? "" : comment);
    model.addAttribute("errors", errors);
    return pages.render("public/survey", link, model, status);
  }
}
