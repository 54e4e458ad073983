package io.careflow.publicpages;

import io.careflow.casefile.ContactRepository;
import io.careflow.system.PayloadTooLargeException;
import io.careflow.publicpages.PublicLinks.RefusedLinkException;
import io.careflow.system.TextFiles;
import jakarta.servlet.http.HttpServletRequest;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.ModelAndView;

/**
 * What the customers' small public pages share: their texts in the customer's language
 * (pl, en, ru; else the shop's default) and the friendly page for a link that opens nothing
 * — 404 for a forged or unknown one, 410 for an expired or used one — which never says whose
 * case it was, in the language of the link's customer (or of the browser, for a forged link).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
@ControllerAdvice(basePackages = {"io.careflow.protocol", "io.careflow.survey", "io.careflow.question"})
public class PublicPages {

  /**
   * The pages' texts per language, from {@code templates/public/texts_<lang>.properties}
   * (edited like the templates; a new language is a new file).
   */
  private final Map<String, Map<String, String>> texts;
  private final ContactRepository contacts;
  private final String defaultLanguage;
  private final String shopName;

  public PublicPages(ContactRepository contacts, TextFiles files,
      @Value("${careflow.default-language:pl}") String defaultLanguage, @Value("${careflow.mail.shop-name}") String shopName) {
    this.texts = texts(files);
    this.contacts = contacts;
    this.defaultLanguage = defaultLanguage;
    this.shopName = shopName;
  }

  /** The language of the contact's customer, where careflow has texts for it. */
  public String language(String contactId) {
    return contacts.find(contactId).map(c -> c.language()).filter(texts::containsKey).orElse(defaultLanguage);
  }

  /** A page of the customer's case in their language: the model's attributes and the texts, with the status. */
  public ModelAndView render(String view, PublicLinks.Link link, Model model, HttpStatus status) {
    return render(view, language(link.contactId()), model, status);
  }

  public ModelAndView render(String view, String language, Model model, HttpStatus status) {
    texts(model, language);
    var page = new ModelAndView(view, model.asMap());
    page.setStatus(status);
    return page;
  }

  /** One text of the pages in {@code language} (the fallback language's when it has none). */
  public String text(String language, String key) {
    return texts.getOrDefault(language, texts.get("en")).getOrDefault(key, texts.get("en").get(key));
  }

  public void texts(Model model, String language) {
    model.addAttribute("t", texts.getOrDefault(language, texts.get("en")));
    model.addAttribute("shopName", shopName);
  }

  /** The pages' texts per language, {@code public/texts_<lang>.properties} below the templates folder. */
  static Map<String, Map<String, String>> texts(TextFiles files) {
    var texts = new TreeMap<String, Map<String, String>>();
    files.perLanguage("public/texts").forEach((language, properties) -> {
      var map = new HashMap<String, String>();
      properties.stringPropertyNames().forEach(key -> map.put(key, properties.getProperty(key)));
      texts.put(language, Map.copyOf(map));
    });
    if (!texts.containsKey("en")) {
      throw new IllegalStateException("templates/public/texts_en.properties is missing (the fallback language)");
    }
    return Map.copyOf(texts);
  }

  /**
   * The language of a refused link's page: the customer's, when the link was genuine (used or
   * expired); else the first the browser asks for that careflow has texts for; else the shop's.
   */
  String language(RefusedLinkException refused, HttpServletRequest request) {
    if (refused.contactId() != null) {
      return language(refused.contactId());
    }
    return browserLanguage(request);
  }

  /** The first language the browser asks for that careflow has texts for; else the shop's. */
  String browserLanguage(HttpServletRequest request) {
    String header = request == null ? null : request.getHeader(HttpHeaders.ACCEPT_LANGUAGE);
    if (header != null && !header.isBlank()) {
      try {
        for (Locale.LanguageRange range : Locale.LanguageRange.parse(header)) {
          String language = range.getRange().split("-")[0].toLowerCase(Locale.ROOT);
          if (texts.containsKey(language)) {
            return language;
          }
        }
      } catch (IllegalArgumentException e) {
        // a malformed header: the shop's language
      }
    }
    return texts.containsKey(defaultLanguage) ? defaultLanguage : "en";
  }

  /**
   * A form with files that could not be read: larger in all than a page takes (413), or not a
   * well-formed upload (400). The page says so in the browser's language; nothing was stored.
   */
  @ExceptionHandler(MultipartException.class)
  ModelAndView uploadRefused(MultipartException e, HttpServletRequest request) {
    boolean tooLarge = e instanceof MaxUploadSizeExceededException
        || org.springframework.core.NestedExceptionUtils.getMostSpecificCause(e) instanceof PayloadTooLargeException;
    var page = new ModelAndView("public/upload-refused");
    page.setStatus(tooLarge ? HttpStatus.PAYLOAD_TOO_LARGE : HttpStatus.BAD_REQUEST);
    page.addObject("t", texts.getOrDefault(browserLanguage(request), texts.get("en")));
    page.addObject("shopName", shopName);
    page.addObject("tooLarge", tooLarge);
    return page;
  }

  @ExceptionHandler(RefusedLinkException.class)
  ModelAndView refused(RefusedLinkException e, HttpServletRequest request) {
    var page = new ModelAndView("public/link-refused");
    page.setStatus(e.refusal() == PublicLinks.Refusal.UNKNOWN ? HttpStatus.NOT_FOUND : HttpStatus.GONE);
    page.addObject("t", texts.getOrDefault(language(e, request), texts.get("en")));
    page.addObject("shopName", shopName);
    page.addObject("refusal", e.refusal().name());
    return page;
  }
}
