package io.careflow.casefile;

/** Where a contact came from, and where its replies go (SPEC R1). */
public enum Channel {
  EMAIL, PHONE, MISSED_CALL, CHAT, WEB_FORM, SOCIAL, SMS
}
