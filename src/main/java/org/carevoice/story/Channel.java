package org.carevoice.story;

/** How a story reached Carevoice. */
public enum Channel {
  WEB,
  API,
  STAFF_ENTERED,
  DEMO
}
