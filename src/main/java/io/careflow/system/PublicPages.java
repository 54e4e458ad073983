package io.careflow.system;

import io.careflow.contact.ContactRepository;
import io.careflow.system.PublicLinks.RefusedLinkException;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

/**
 * What the customers' small public pages share: their texts in the customer's language
 * (pl, en, ru; else the shop's default) and the friendly page for a link that opens nothing
 * — 404 for a forged or unknown one, 410 for an expired or used one — which never says whose
 * case it was.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
@ControllerAdvice(basePackages = {"io.careflow.protocol", "io.careflow.survey"})
public class PublicPages {

  static final Map<String, Map<String, String>> TEXTS = Map.of(
      "en", Map.ofEntries(
          Map.entry("surveyTitle", "How did we do?"),
          Map.entry("csat", "How satisfied are you with how we handled your case? (1 = very dissatisfied, 5 = very satisfied)"),
          Map.entry("nps", "How likely are you to recommend us to a friend? (0 = not at all, 10 = extremely likely)"),
          Map.entry("ces", "How easy was it to get your issue solved? (1 = very difficult, 7 = very easy)"),
          Map.entry("required", "Please choose an answer."),
          Map.entry("surveyThanks", "Thank you for your answer — it helps us get better."),
          Map.entry("lang", "en"), Map.entry("submit", "Send"), Map.entry("comment", "Comment"),
          Map.entry("thanks", "Thank you — we have received it and will be in touch."),
          Map.entry("refusedUnknown", "This link is not valid."),
          Map.entry("refusedExpired", "This link has expired."),
          Map.entry("refusedUsed", "This form has already been sent."),
          Map.entry("refusedHelp", "Just reply to our message and we will help you."),
          Map.entry("returnTitle", "Return form"), Map.entry("reason", "Reason for the return"),
          Map.entry("replacementTitle", "Replacement request"), Map.entry("product", "Product (name or code)"),
          Map.entry("order", "Order number"), Map.entry("fault", "What is wrong with the product?")),
      "pl", Map.ofEntries(
          Map.entry("surveyTitle", "Jak nam poszło?"),
          Map.entry("csat", "Jak bardzo jesteś zadowolony z obsługi Twojej sprawy? (1 = bardzo niezadowolony, 5 = bardzo zadowolony)"),
          Map.entry("nps", "Jak bardzo prawdopodobne jest, że polecisz nas znajomym? (0 = wcale, 10 = bardzo)"),
          Map.entry("ces", "Jak łatwo było załatwić Twoją sprawę? (1 = bardzo trudno, 7 = bardzo łatwo)"),
          Map.entry("required", "Wybierz odpowiedź."),
          Map.entry("surveyThanks", "Dziękujemy za odpowiedź — pomoże nam być lepszymi."),
          Map.entry("lang", "pl"), Map.entry("submit", "Wyślij"), Map.entry("comment", "Komentarz"),
          Map.entry("thanks", "Dziękujemy — otrzymaliśmy formularz i wkrótce się odezwiemy."),
          Map.entry("refusedUnknown", "Ten link jest nieprawidłowy."),
          Map.entry("refusedExpired", "Ten link wygasł."),
          Map.entry("refusedUsed", "Ten formularz został już wysłany."),
          Map.entry("refusedHelp", "Wystarczy odpowiedzieć na naszą wiadomość, a pomożemy."),
          Map.entry("returnTitle", "Formularz zwrotu"), Map.entry("reason", "Powód zwrotu"),
          Map.entry("replacementTitle", "Wniosek o wymianę"), Map.entry("product", "Produkt (nazwa lub kod)"),
          Map.entry("order", "Numer zamówienia"), Map.entry("fault", "Co jest nie tak z produktem?")),
      "ru", Map.ofEntries(
          Map.entry("surveyTitle", "Как мы справились?"),
          Map.entry("csat", "Насколько вы довольны тем, как мы решили ваш вопрос? (1 = совсем не доволен, 5 = очень доволен)"),
          Map.entry("nps", "Насколько вероятно, что вы порекомендуете нас друзьям? (0 = точно нет, 10 = обязательно)"),
          Map.entry("ces", "Насколько легко было решить ваш вопрос? (1 = очень трудно, 7 = очень легко)"),
          Map.entry("required", "Пожалуйста, выберите ответ."),
          Map.entry("surveyThanks", "Спасибо за ответ — он помогает нам становиться лучше."),
          Map.entry("lang", "ru"), Map.entry("submit", "Отправить"), Map.entry("comment", "Комментарий"),
          Map.entry("thanks", "Спасибо — мы получили форму и скоро свяжемся с вами."),
          Map.entry("refusedUnknown", "Эта ссылка недействительна."),
          Map.entry("refusedExpired", "Срок действия ссылки истёк."),
          Map.entry("refusedUsed", "Эта форма уже отправлена."),
          Map.entry("refusedHelp", "Просто ответьте на наше сообщение, и мы поможем."),
          Map.entry("returnTitle", "Форма возврата"), Map.entry("reason", "Причина возврата"),
          Map.entry("replacementTitle", "Заявка на замену"), Map.entry("product", "Товар (название или код)"),
          Map.entry("order", "Номер заказа"), Map.entry("fault", "Что не так с товаром?")));

  private final ContactRepository contacts;
  private final String defaultLanguage;
  private final String shopName;

  public PublicPages(ContactRepository contacts, @Value("${careflow.default-language:pl}") String defaultLanguage,
      @Value("${careflow.mail.shop-name}") String shopName) {
    this.contacts = contacts;
    this.defaultLanguage = defaultLanguage;
    this.shopName = shopName;
  }

  /** The language of the contact's customer, where careflow has texts for it. */
  public String language(String contactId) {
    return contacts.find(contactId).map(c -> c.language()).filter(TEXTS::containsKey).orElse(defaultLanguage);
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

  public void texts(Model model, String language) {
    model.addAttribute("t", TEXTS.getOrDefault(language, TEXTS.get("en")));
    model.addAttribute("shopName", shopName);
  }

  @ExceptionHandler(RefusedLinkException.class)
  ModelAndView refused(RefusedLinkException e) {
    var page = new ModelAndView("public/link-refused");
    page.setStatus(e.refusal() == PublicLinks.Refusal.UNKNOWN ? HttpStatus.NOT_FOUND : HttpStatus.GONE);
    page.addObject("t", TEXTS.getOrDefault(defaultLanguage, TEXTS.get("en")));
    page.addObject("shopName", shopName);
    page.addObject("refusal", e.refusal().name());
    return page;
  }
}
