package io.careflow.contact;

import io.careflow.casefile.ContactRepository;
import java.util.Locale;
import org.springframework.stereotype.Component;

/**
 * The words of a contact as the classification table reads them ({@code contactText}):
 * subject and body, lower case, the first 2000 characters — enough for the words that
 * tell a topic, little enough to keep in the decision history.
 */
@Component("contactTexts")
public class ContactTexts {

  static final int MAX = 2000;

  private final ContactRepository contacts;

  public ContactTexts(ContactRepository contacts) {
    this.contacts = contacts;
  }

  public String forClassification(String contactId) {
    return contacts.find(contactId).map(c -> of(c.subject(), c.body())).orElse("");
  }

  /** Subject and body as the tables read them. */
  public static String of(String subject, String body) {
    String text = ((subject == null ? "" : subject) + "\n" + (body == null ? "" : body)).toLowerCase(Locale.ROOT);
    return text.length() > MAX ? text.substring(0, MAX) : text;
  }
}
