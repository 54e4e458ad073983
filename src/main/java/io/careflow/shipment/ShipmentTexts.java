package io.careflow.shipment;

import io.careflow.calendar.BusinessHoursProperties;
import io.careflow.system.TextFiles;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The words of a shipment message besides its template: the subject line per status
 * ({@code templates/mail/shipment_<lang>.properties}, next to the templates, editable like them)
 * and the values the templates show — order, tracking id and the expected delivery date in the
 * shop's zone, written the way the customer's language writes dates. The language is chosen
 * like the templates' (the customer's, else the shop's default, else English), so subject,
 * date and text always speak one language.
 */
@Component
public class ShipmentTexts {

  public static final String ORDER_ID = "orderId";
  public static final String TRACKING_ID = "trackingId";
  public static final String STATUS = "status";
  public static final String EXPECTED_DELIVERY = "expectedDelivery";

  private final BusinessHoursProperties shopTime;
  private final String defaultLanguage;
  private final Map<String, Properties> bundles = new ConcurrentHashMap<>();

  private final TextFiles files;

  public ShipmentTexts(BusinessHoursProperties shopTime, TextFiles files,
      @Value("${careflow.default-language:pl}") String defaultLanguage) {
    this.shopTime = shopTime;
    this.files = files;
    this.defaultLanguage = defaultLanguage;
  }

  /** The language the message is written in, for a customer speaking {@code language} (may be null). */
  public String language(String language) {
    var candidates = new LinkedHashSet<String>();
    if (language != null) {
      candidates.add(language.toLowerCase(Locale.ROOT));
    }
    candidates.add(defaultLanguage);
    candidates.add("en");
    return candidates.stream().filter(c -> bundle(c) != null).findFirst()
        .orElseThrow(() -> new IllegalStateException("No templates/mail/shipment_<lang>.properties for " + candidates));
  }

  /** The subject line, e.g. "Your order PL-2026-000123 has been shipped". */
  public String subject(String language, ShipmentEvent event) {
    String key = "subject." + event.status().name();
    String subject = bundle(language).getProperty(key);
    if (subject == null) {
      throw new IllegalStateException("No " + key + " in templates/mail/shipment_" + language + ".properties");
    }
    return subject.replace("{orderId}", event.orderId()).replace("{trackingId}", event.trackingId());
  }

  /** The model of the message's template (FreeMarker escapes every value in the HTML part). */
  public Map<String, Object> values(String language, ShipmentEvent event) {
    Map<String, Object> values = new HashMap<>();
    values.put(ORDER_ID, event.orderId());
    values.put(TRACKING_ID, event.trackingId());
    values.put(STATUS, event.status().name());
    values.put(EXPECTED_DELIVERY, date(language, event.expectedDelivery()));
    return values;
  }

  /** The day in the shop's zone, e.g. "środa, 9 grudnia 2026" / "Wednesday, December 9, 2026"; "" for none. */
  public String date(String language, Instant instant) {
    if (instant == null) {
      return "";
    }
    return DateTimeFormatter.ofLocalizedDate(FormatStyle.FULL).withLocale(Locale.forLanguageTag(language))
        .format(instant.atZone(shopTime.zone()));
  }

  @org.springframework.context.event.EventListener
  void templatesChanged(io.careflow.model.LiveReload.TemplatesChanged changed) {
    bundles.clear();
  }

  private Properties bundle(String language) {
    if (!language.matches("[a-z]{2}")) {
      return null;
    }
    Properties bundle = bundles.computeIfAbsent(language, this::load);
    return bundle.isEmpty() ? null : bundle;
  }

  private Properties load(String language) {
    return files.load("mail/shipment_" + language + ".properties");
  }
}
