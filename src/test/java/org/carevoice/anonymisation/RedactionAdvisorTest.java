package org.carevoice.anonymisation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Care Opinion's editorial rule, as the scan suggests it. */
class RedactionAdvisorTest {

  private final IdentifierScanner scanner = Scanners.standard();

  @Test
  void staffNamedInACriticalPassage_becomeTheirJobTitle() {
    assertThat(redact("Dr Mitchell was rude and would not examine me.")).isEqualTo("the doctor was rude and would not examine me.");
    assertThat(redact("Charge Nurse Ross-Wilson ignored my father.")).isEqualTo("the charge nurse ignored my father.");
    assertThat(redact("Staff Nurse Jenny Brown was dismissive.")).isEqualTo("the staff nurse was dismissive.");
  }

  @Test
  void inAPositivePassage_aStaffFirstNameMayStay() {
    assertThat(redact("Staff Nurse Jenny Brown was wonderful.")).isEqualTo("Staff Nurse Jenny was wonderful.");
    assertThat(redact("Dr Campbell explained everything.")).isEqualTo("the doctor explained everything.");
  }

  @Test
  void authorsAndRelativesNamesBirthDatesAndContactDetails_alwaysGo() {
    assertThat(redact("My husband Tam was born on 12/03/1948, call 07700 900123."))
        .isEqualTo("My husband [name removed] was born on [date of birth removed], call [phone number removed].");
    assertThat(redact("Mrs MacDonald on reception was lovely.")).isEqualTo("[name removed] on reception was lovely.");
  }

  private String redact(String text) {
    return scanner.scan(text).redactedText();
  }
}
