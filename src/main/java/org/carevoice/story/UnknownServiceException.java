package org.carevoice.story;

/** A submission named a service that does not exist. */
public class UnknownServiceException extends RuntimeException {

  public UnknownServiceException() {
    super("The story names a service that does not exist");
  }
}
