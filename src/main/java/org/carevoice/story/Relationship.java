package org.carevoice.story;

/** How the author relates to the care the story is about. */
public enum Relationship {
  PATIENT,
  SERVICE_USER,
  CARER,
  PARENT_OR_GUARDIAN,
  RELATIVE,
  FRIEND,
  STAFF_MEMBER
}
