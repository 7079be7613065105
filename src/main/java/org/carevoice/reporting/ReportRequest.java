package org.carevoice.reporting;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.carevoice.organisation.OrganisationService;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * A report as asked for in the address (the filters form, a shared link, the early-warning
 * emails): {@code organisation}, {@code site} or {@code service} (a slug, at most one of them),
 * {@code period} (month, quarter, year or custom), {@code from} and {@code to} (ISO dates), and
 * the league table's {@code sort} and {@code order}. {@link #check} records a problem code per wrong
 * field, worded as {@code report.error.<code>}, so a wrong address gets a 400 that says what to
 * correct.
 */
public class ReportRequest {

  /** Dates outside these years are surely typing mistakes. */
  static final int FIRST_YEAR = 1900;
  static final int LAST_YEAR = 2100;

  private String organisation;
  private String site;
  private String service;
  private String period;
  private String from;
  private String to;
  private String sort;
  private String order;

  private final Map<String, String> errors = new LinkedHashMap<>();

  /** What was asked for, checked. */
  record Criteria(ScopeKind scope, String slug, ReportPeriod period, LeagueSort sort, boolean descending) {}

  enum ScopeKind {
    EVERYTHING, ORGANISATION, SITE, SERVICE
  }

  /** The criteria, or null when a field is wrong (see {@link #problems()}). */
  Criteria check(OrganisationService organisations, LocalDate today) {
    errors.clear();
    ScopeKind scope = ScopeKind.EVERYTHING;
    String slug = null;
    if (blank(organisation) != null) {
      scope = ScopeKind.ORGANISATION;
      slug = organisation.strip();
      if (!organisations.organisationExists(slug)) {
        errors.put("organisation", "organisation");
      }
    }
    if (blank(site) != null) {
      if (scope != ScopeKind.EVERYTHING) {
        errors.put("site", "oneScope");
      } else {
        scope = ScopeKind.SITE;
        slug = site.strip();
        if (!organisations.siteExists(slug)) {
          errors.put("site", "site");
        }
      }
    }
    if (blank(service) != null) {
      if (scope != ScopeKind.EVERYTHING) {
        errors.put("service", "oneScope");
      } else {
        scope = ScopeKind.SERVICE;
        slug = service.strip();
        if (organisations.findBySlug(slug).isEmpty()) {
          errors.put("service", "service");
        }
      }
    }
    ReportPeriod.Kind kind = ReportPeriod.Kind.MONTH;
    if (blank(period) != null) {
      try {
        kind = ReportPeriod.Kind.valueOf(period.strip().toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        errors.put("period", "period");
      }
    }
    LocalDate first = date("from", from);
    LocalDate last = date("to", to);
    ReportPeriod reportPeriod = null;
    if (kind == ReportPeriod.Kind.CUSTOM) {
      if (first == null && !errors.containsKey("from")) {
        errors.put("from", "fromRequired");
      }
      LocalDate end = last == null ? today : last;
      if (first != null && !errors.containsKey("to")) {
        if (end.isBefore(first)) {
          errors.put("to", "range");
        } else {
          reportPeriod = new ReportPeriod(kind, first, end);
        }
      }
    } else {
      reportPeriod = ReportPeriod.containing(kind, first == null ? today : first);
    }
    LeagueSort leagueSort = LeagueSort.SERVICE;
    if (blank(sort) != null) {
      leagueSort = LeagueSort.byCode(sort.strip());
      if (leagueSort == null) {
        errors.put("sort", "sort");
        leagueSort = LeagueSort.SERVICE;
      }
    }
    boolean descending = leagueSort.descendingByDefault();
    if (blank(order) != null) {
      switch (order.strip().toLowerCase(Locale.ROOT)) {
        case "asc" -> descending = false;
        case "desc" -> descending = true;
        default -> errors.put("order", "order");
      }
    }
    if (!errors.isEmpty()) {
      return null;
    }
    return new Criteria(scope, slug, reportPeriod, leagueSort, descending);
  }

  /** Each wrong field with its problem code, in the form's order. */
  Map<String, String> problems() {
    Map<String, String> ordered = new LinkedHashMap<>();
    for (String field : new String[] {"organisation", "site", "service", "period", "from", "to", "sort", "order"}) {
      if (errors.containsKey(field)) {
        ordered.put(field, errors.get(field));
      }
    }
    return ordered;
  }

  /** The same report's address at another path (the CSV, the overdue list), or sorted otherwise. */
  String link(String path, LeagueSort newSort, Boolean newDescending) {
    UriComponentsBuilder link = UriComponentsBuilder.fromPath(path);
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("organisation", organisation);
    fields.put("site", site);
    fields.put("service", service);
    fields.put("period", period);
    fields.put("from", from);
    fields.put("to", to);
    fields.put("sort", newSort != null ? newSort.code() : sort);
    fields.put("order", newDescending != null ? (newDescending ? "desc" : "asc") : order);
    fields.forEach((name, value) -> {
      if (blank(value) != null) {
        link.queryParam(name, value.strip());
      }
    });
    return link.encode().build().toUriString();
  }

  /** The scope and period only, for the overdue list and links to it. */
  String scopeLink(String path) {
    UriComponentsBuilder link = UriComponentsBuilder.fromPath(path);
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("organisation", organisation);
    fields.put("site", site);
    fields.put("service", service);
    fields.put("period", period);
    fields.put("from", from);
    fields.put("to", to);
    fields.forEach((name, value) -> {
      if (blank(value) != null) {
        link.queryParam(name, value.strip());
      }
    });
    return link.encode().build().toUriString();
  }

  private LocalDate date(String field, String value) {
    if (blank(value) == null) {
      return null;
    }
    try {
      LocalDate date = LocalDate.parse(value.strip());
      if (date.getYear() < FIRST_YEAR || date.getYear() > LAST_YEAR) {
        errors.put(field, "dateRange");
        return null;
      }
      return date;
    } catch (DateTimeParseException e) {
      errors.put(field, "date");
      return null;
    }
  }

  private static String blank(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }

  public String getOrganisation() {
    return organisation;
  }

  public void setOrganisation(String organisation) {
    this.organisation = organisation;
  }

  public String getSite() {
    return site;
  }

  public void setSite(String site) {
    this.site = site;
  }

  public String getService() {
    return service;
  }

  public void setService(String service) {
    this.service = service;
  }

  public String getPeriod() {
    return period;
  }

  public void setPeriod(String period) {
    this.period = period;
  }

  public String getFrom() {
    return from;
  }

  public void setFrom(String from) {
    this.from = from;
  }

  public String getTo() {
    return to;
  }

  public void setTo(String to) {
    this.to = to;
  }

  public String getSort() {
    return sort;
  }

  public void setSort(String sort) {
    this.sort = sort;
  }

  public String getOrder() {
    return order;
  }

  public void setOrder(String order) {
    this.order = order;
  }
}
