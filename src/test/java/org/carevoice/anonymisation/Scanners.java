package org.carevoice.anonymisation;

import java.util.List;

/** The scanner with every detector, as Spring assembles it, for tests and the benchmark. */
final class Scanners {

  private Scanners() {}

  static IdentifierScanner standard() {
    ContactDetectors contacts = new ContactDetectors();
    return new IdentifierScanner(List.of(new PersonNameDetector(), new HealthNumberDetector(), new DateOfBirthDetector(),
        new AddressDetector(), new AgeDetector(), contacts.emailDetector(), contacts.urlDetector(), contacts.phoneDetector(),
        contacts.postcodeDetector()));
  }
}
