package io.careflow.protocol.defect;

import io.careflow.system.PublicLinks;
import io.careflow.system.PublicLinks.Link;
import io.careflow.system.PublicPages;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/** The customer registers their replacement request themselves, behind the signed link they got. */
@Controller
public class ReplacementRequestPage {

  private final PublicLinks links;
  private final ReplacementRequests requests;
  private final PublicPages pages;

  public ReplacementRequestPage(PublicLinks links, ReplacementRequests requests, PublicPages pages) {
    this.links = links;
    this.requests = requests;
    this.pages = pages;
  }

  @GetMapping("/public/replacements/{token}")
  public ModelAndView form(@PathVariable String token, Model model) {
    Link link = links.open(token, DefectReplacementProcess.LINK_PURPOSE);
    return page(model, link, "", "", "", "", HttpStatus.OK);
  }

  @PostMapping("/public/replacements/{token}")
  public ModelAndView submit(@PathVariable String token, @RequestParam(required = false) String product,
      @RequestParam(required = false) String order, @RequestParam(required = false) String fault, Model model) {
    Link link = links.open(token, DefectReplacementProcess.LINK_PURPOSE);
    String error = null;
    if (fault == null || fault.isBlank()) {
      error = "fault";
    } else if (fault.length() > 2000 || (product != null && product.length() > 100)
        || (order != null && order.length() > 100)) {
      error = "length";
    }
    if (error != null) {
      return page(model, link, product, order, fault, error, HttpStatus.BAD_REQUEST);
    }
    requests.submitByCustomer(link, blankToNull(product), blankToNull(order), fault.strip());
    return pages.render("public/thanks", link, model, HttpStatus.OK);
  }

  private ModelAndView page(Model model, Link link, String product, String order, String fault, String error,
      HttpStatus status) {
    model.addAttribute("product", product == null ? "" : product);
    model.addAttribute("order", order == null ? "" : order);
    model.addAttribute("fault", fault == null ? "" : fault);
    model.addAttribute("error", error);
    return pages.render("public/replacement-form", link, model, status);
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }
}
