package org.carevoice.anonymisation;

/** Kinds of personal identifier, and how each is shown once redacted. */
public enum FindingType {
  PERSON_NAME("[name removed]"),
  CHI_NUMBER("[CHI number removed]"),
  NHS_NUMBER("[NHS number removed]"),
  PHONE("[phone number removed]"),
  EMAIL("[email removed]"),
  POSTCODE("[postcode removed]"),
  DATE_OF_BIRTH("[date of birth removed]"),
  ADDRESS("[address removed]"),
  URL("[link removed]"),
  /** An age of 90 or over ("my gran is 93", "a 91-year-old"): few people reach it, so it identifies (HIPAA). */
  AGE("[age removed]");

  private final String redaction;

  FindingType(String redaction) {
    this.redaction = redaction;
  }

  public String redaction() {
    return redaction;
  }
}
