package org.carevoice.organisation;

/** The kind of service, used for routing and for filters on the public site. */
public enum ServiceType {
  WARD,
  EMERGENCY_DEPARTMENT,
  MATERNITY,
  OUTPATIENTS,
  DISTRICT_NURSING,
  GP_PRACTICE,
  CARE_AT_HOME,
  MENTAL_HEALTH,
  OTHER
}
