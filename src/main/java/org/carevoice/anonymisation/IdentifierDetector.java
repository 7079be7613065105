package org.carevoice.anonymisation;

import java.util.List;

/** One kind of detection. Every detector bean takes part in {@link IdentifierScanner}. */
public interface IdentifierDetector {

  List<Finding> detect(String text);
}
