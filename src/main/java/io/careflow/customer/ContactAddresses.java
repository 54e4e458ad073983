package io.careflow.customer;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import java.util.Locale;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The canonical form of what identifies a customer: e-mail addresses lower-cased,
 * phone numbers in E.164 (libphonenumber; numbers without a country code are read in
 * the shop's region, {@code careflow.phone-region}).
 */
@Component
public class ContactAddresses {

  private final PhoneNumberUtil phones = PhoneNumberUtil.getInstance();
  private final String defaultRegion;

  public ContactAddresses(@Value("${careflow.phone-region:PL}") String defaultRegion) {
    this.defaultRegion = defaultRegion;
  }

  public String email(String email) {
    return email == null ? null : email.trim().toLowerCase(Locale.ROOT);
  }

  /** E.164, or empty when the text is not a valid phone number. */
  public Optional<String> phone(String phone) {
    if (phone == null || phone.isBlank()) {
      return Optional.empty();
    }
    try {
      PhoneNumber number = phones.parse(phone.trim(), defaultRegion);
      return phones.isValidNumber(number)
          ? Optional.of(phones.format(number, PhoneNumberFormat.E164))
          : Optional.empty();
    } catch (NumberParseException e) {
      return Optional.empty();
    }
  }
}
