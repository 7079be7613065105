package org.carevoice.system;

import javax.xml.datatype.DatatypeFactory;

/**
 * Names two factories' implementations as system properties, so that they are no longer looked
 * for on the class path at every use.
 *
 * <p>Jakarta Mail 2.1 looks for its {@code StreamProvider} with a new {@code ServiceLoader} each
 * time it builds or writes a message part or a header (jakartaee/mail-api#699, #861), and Camunda
 * creates a JAXP {@code DatatypeFactory} for every timer's due date. Each look-up reads
 * {@code META-INF/services} from every jar on the class path (in the packaged application, nested
 * jar after nested jar, under each jar's lock): with the demo's mail catcher it was about a third
 * of the outbox's CPU time. Both APIs read their system property first and then load the named
 * class directly. The names are the implementations those look-ups find anyway (Angus Mail, the
 * JDK's own); a property already set by the operator is left as it is.
 */
final class KnownImplementations {

  static final String STREAM_PROVIDER = "jakarta.mail.util.StreamProvider";
  static final String ANGUS_STREAM_PROVIDER = "org.eclipse.angus.mail.util.MailStreamProvider";

  private KnownImplementations() {}

  static void name(ClassLoader loader) {
    name(STREAM_PROVIDER, ANGUS_STREAM_PROVIDER, loader);
    name(DatatypeFactory.DATATYPEFACTORY_PROPERTY, DatatypeFactory.DATATYPEFACTORY_IMPLEMENTATION_CLASS, loader);
  }

  private static void name(String property, String implementation, ClassLoader loader) {
    if (System.getProperty(property) != null) {
      return;
    }
    try {
      Class.forName(implementation, false, loader);
      System.setProperty(property, implementation);
    } catch (ClassNotFoundException | LinkageError e) {
      // Not on this class path: the API keeps looking for an implementation as before.
    }
  }
}
