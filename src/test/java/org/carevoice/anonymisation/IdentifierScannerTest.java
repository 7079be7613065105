package org.carevoice.anonymisation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

/** The scanner as the application has it: recent texts kept, and a body's findings taken from the story's scan. */
class IdentifierScannerTest {

  private static final String TITLE = "Thank you Dr Aileen Macpherson";
  private static final String BODY = "Call me on 07700 900123 or write to anne.brown@example.com, my mum was on ward 12.";

  private final IdentifierScanner uncached = Scanners.standard();
  private final IdentifierScanner application = new IdentifierScanner(Scanners.detectors(new PersonNameDetector()),
      new SimpleMeterRegistry());

  @Test
  void theSameText_isScannedOnce_andADifferentOneAgain() {
    ScanResult first = application.scan(BODY);

    assertThat(application.scan(new String(BODY))).isSameAs(first);
    assertThat(application.scan(BODY + " ")).isNotSameAs(first).isEqualTo(uncached.scan(BODY + " "));
    assertThat(first).isEqualTo(uncached.scan(BODY));
  }

  @Test
  void aBodysFindings_fromTheWholeStory_areTheBodysOwn_withOffsetsIntoTheBody() {
    String whole = TITLE + "\n\n" + BODY;

    ScanResult body = application.scanTail(whole, BODY);

    assertThat(uncached.scan(whole).findings()).anyMatch(finding -> finding.end() <= TITLE.length());
    assertThat(body.findings()).extracting(Finding::type).contains(FindingType.PHONE, FindingType.EMAIL)
        .doesNotContain(FindingType.PERSON_NAME);
    assertThat(body.findings()).allMatch(finding -> BODY.substring(finding.start(), finding.end()).equals(finding.text()));
    assertThat(body.findings()).isEqualTo(uncached.scan(BODY).findings());
    assertThat(body.redactedText()).isEqualTo(uncached.scan(BODY).redactedText()).doesNotContain("07700", "anne.brown");
  }

  @Test
  void aTailThatIsNotTheEndOfTheText_isRefused() {
    assertThatIllegalArgumentException().isThrownBy(() -> application.scanTail(TITLE + "\n\n" + BODY, "ward 11."));
  }
}
