package io.careflow.protocol.returns;

import java.util.Map;

/** Why a customer sends an item back: the fixed list of the return form, labelled per language. */
public enum ReturnReason {
  WRONG_SIZE(Map.of("en", "Wrong size", "pl", "Zły rozmiar", "ru", "Не подошёл размер")),
  NOT_AS_DESCRIBED(Map.of("en", "Not as described", "pl", "Niezgodny z opisem", "ru", "Не соответствует описанию")),
  DAMAGED_ON_ARRIVAL(Map.of("en", "Damaged on arrival", "pl", "Uszkodzony w dostawie", "ru", "Повреждён при доставке")),
  CHANGED_MIND(Map.of("en", "Changed my mind", "pl", "Rozmyśliłem się", "ru", "Передумал")),
  FOUND_CHEAPER(Map.of("en", "Found it cheaper", "pl", "Znalazłem taniej", "ru", "Нашёл дешевле")),
  ARRIVED_LATE(Map.of("en", "Arrived too late", "pl", "Dotarł za późno", "ru", "Пришёл слишком поздно")),
  OTHER(Map.of("en", "Other (please describe)", "pl", "Inny (proszę opisać)", "ru", "Другое (опишите)"));

  private final Map<String, String> labels;

  ReturnReason(Map<String, String> labels) {
    this.labels = labels;
  }

  public String label(String language) {
    return labels.getOrDefault(language, labels.get("en"));
  }
}
