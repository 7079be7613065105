package org.carevoice.anonymisation;

import java.util.List;

/** The scanner with every detector, as Spring assembles it, for tests and the benchmark. */
final class Scanners {

  private Scanners() {}

  static IdentifierScanner standard() {
    return with(new PersonNameDetector());
  }

  /** Every detector, with the given name detector (e.g. one whose name lists leave some names out). */
  static IdentifierScanner with(PersonNameDetector names) {
    return new IdentifierScanner(detectors(names));
  }

  /** Every detector, as the application has them. */
  static List<IdentifierDetector> detectors(PersonNameDetector names) {
    ContactDetectors contacts = new ContactDetectors();
    return List.of(names, new HealthNumberDetector(), new DateOfBirthDetector(), new AddressDetector(),
        new AgeDetector(), contacts.emailDetector(), contacts.urlDetector(), contacts.phoneDetector(),
        contacts.postcodeDetector());
  }
}
