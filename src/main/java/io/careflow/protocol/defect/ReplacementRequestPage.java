package io.careflow.protocol.defect;

import io.careflow.files.PublicUploads;
import io.careflow.publicpages.PublicLinks;
import io.careflow.publicpages.PublicLinks.Link;
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
 * The customer registers their replacement request themselves, behind the signed link they got,
 * with photos of the fault if they like ({@link PublicUploads}).
 */
@Controller
public class ReplacementRequestPage {

  private final PublicLinks links;
  private final ReplacementRequests requests;
  private final PublicPages pages;
  private final PublicUploads uploads;

  public ReplacementRequestPage(PublicLinks links, ReplacementRequests requests, PublicPages pages,
      PublicUploads uploads) {
    this.uploads = uploads;
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
      @RequestParam(required = false) String order, @RequestParam(required = false) String fault,
      @RequestParam(name = "files", required = false) List<MultipartFile> files, Model model) {
    Link link = links.open(token, DefectReplacementProcess.LINK_PURPOSE);
    String error = null;
    if (fault == null || fault.isBlank()) {
      error = "fault";
    } else if (fault.length() > 2000 || (product != null && product.length() > 100)
        || (order != null && order.length() > 100)) {
      error = "length";
    } else if (uploads.tooMany(files)) {
      error = "files-count";
    }
    if (error != null) {
      return page(model, link, product, order, fault, error, HttpStatus.BAD_REQUEST);
    }
    var submitted = requests.submitByCustomer(link, blankToNull(product), blankToNull(order), fault.strip(),
        uploads.read(files));
    model.addAttribute("refusedFiles", PublicUploads.refusedForPage(submitted.refusedFiles()));
    model.addAllAttributes(uploads.field());
    return pages.render("public/thanks", link, model, HttpStatus.OK);
  }

  private ModelAndView page(Model model, Link link, String product, String order, String fault, String error,
      HttpStatus status) {
    model.addAttribute("product", product == null ? "" : product);
    model.addAttribute("order", order == null ? "" : order);
    model.addAttribute("fault", fault == null ? "" : fault);
    model.addAttribute("error", error == null ? "" : error);
    model.addAllAttributes(uploads.field());
    return pages.render("public/replacement-form", link, model, status);
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }
}
