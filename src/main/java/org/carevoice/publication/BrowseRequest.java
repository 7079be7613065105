package org.carevoice.publication;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.carevoice.organisation.OrganisationService;
import org.carevoice.story.StorySearch;
import org.carevoice.story.StorySort;
import org.carevoice.story.StoryTags;

/**
 * A search of the published stories as typed: the stories page's browse form and the public API's
 * query parameters (q, organisation, site, service, tag, from, to, responded, sort). Every field
 * is optional; {@link #toSearch} checks them all and records a problem code per wrong field, which
 * the page words as {@code browse.error.<code>} and the API as its own detail, so a wrong address
 * gets a 400 that says what to correct.
 */
public class BrowseRequest {

  static final int MAX_PAGE = 10_000;

  private String q;
  private String organisation;
  private String site;
  private String service;
  private String tag;
  private String from;
  private String to;
  private String responded;
  private String sort;
  private String page;

  /** Problem codes of a wrong field, see {@link #problems()}. */
  public static final String TEXT_TOO_LONG = "q";
  public static final String UNKNOWN_ORGANISATION = "organisation";
  public static final String UNKNOWN_SITE = "site";
  public static final String UNKNOWN_SERVICE = "service";
  public static final String UNKNOWN_TAG = "tag";
  public static final String NOT_A_DATE = "date";
  public static final String DATES_REVERSED = "range";
  public static final String NOT_A_RESPONDED_CHOICE = "responded";
  public static final String NOT_A_SORT = "sort";
  public static final String NOT_A_PAGE = "page";

  /** Field name to problem code; empty when the request is fine. */
  private final Map<String, String> errors = new LinkedHashMap<>();

  /** The search, or null when a field is wrong (see {@link #problems()}). */
  public StorySearch toSearch(OrganisationService organisations) {
    errors.clear();
    if (q != null && q.strip().length() > StorySearch.MAX_TEXT_LENGTH) {
      errors.put("q", TEXT_TOO_LONG);
    }
    if (blank(organisation) == null) {
      organisation = null;
    } else if (!organisations.organisationExists(organisation.strip())) {
      errors.put("organisation", UNKNOWN_ORGANISATION);
    }
    if (blank(site) == null) {
      site = null;
    } else if (!organisations.siteExists(site.strip())) {
      errors.put("site", UNKNOWN_SITE);
    }
    if (blank(service) == null) {
      service = null;
    } else if (organisations.findBySlug(service.strip()).isEmpty()) {
      errors.put("service", UNKNOWN_SERVICE);
    }
    if (blank(tag) != null && !StoryTags.isKnown(tag.strip())) {
      errors.put("tag", UNKNOWN_TAG);
    }
    LocalDate fromDate = date("from", from);
    LocalDate toDate = date("to", to);
    if (fromDate != null && toDate != null && fromDate.isAfter(toDate)) {
      errors.put("to", DATES_REVERSED);
    }
    Boolean answered = switch (blank(responded) == null ? "" : responded.strip().toLowerCase(Locale.ROOT)) {
      case "", "any" -> null;
      case "yes", "true" -> Boolean.TRUE;
      case "no", "false" -> Boolean.FALSE;
      default -> {
        errors.put("responded", NOT_A_RESPONDED_CHOICE);
        yield null;
      }
    };
    StorySort order = sortOrder();
    pageNumber();
    if (!errors.isEmpty()) {
      return null;
    }
    return new StorySearch(q, organisation, site, service, blank(tag), fromDate, toDate, answered, order);
  }

  /** The page asked for, from 1; 1 when it is missing or wrong (and then an error is recorded). */
  int pageNumber() {
    if (blank(page) == null) {
      return 1;
    }
    try {
      int number = Integer.parseInt(page.strip());
      if (number >= 1 && number <= MAX_PAGE) {
        return number;
      }
    } catch (NumberFormatException e) {
      // recorded below
    }
    errors.put("page", NOT_A_PAGE);
    return 1;
  }

  /** The address of another page of the same search, e.g. "/stories?q=food&page=2". */
  String link(int pageNumber) {
    org.springframework.web.util.UriComponentsBuilder link = org.springframework.web.util.UriComponentsBuilder.fromPath("/stories");
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("q", q);
    fields.put("organisation", organisation);
    fields.put("site", site);
    fields.put("service", service);
    fields.put("tag", tag);
    fields.put("from", from);
    fields.put("to", to);
    fields.put("responded", responded);
    fields.put("sort", sort);
    fields.forEach((name, value) -> {
      if (blank(value) != null) {
        link.queryParam(name, value.strip());
      }
    });
    return link.queryParam("page", pageNumber).encode().build().toUriString();
  }

  /** Each wrong field with its problem code (the constants above), in the form's order. */
  public Map<String, String> problems() {
    return errors;
  }

  /** Whether any filter or search words are given (the page then says how many stories match). */
  boolean isFiltered() {
    return blank(q) != null || blank(organisation) != null || blank(site) != null || blank(service) != null
        || blank(tag) != null || blank(from) != null || blank(to) != null
        || (blank(responded) != null && !"any".equalsIgnoreCase(responded.strip()));
  }

  private StorySort sortOrder() {
    if (blank(sort) == null) {
      return null;
    }
    try {
      return StorySort.valueOf(sort.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      errors.put("sort", NOT_A_SORT);
      return null;
    }
  }

  private LocalDate date(String field, String value) {
    if (blank(value) == null) {
      return null;
    }
    try {
      return LocalDate.parse(value.strip());
    } catch (DateTimeParseException e) {
      errors.put(field, NOT_A_DATE);
      return null;
    }
  }

  private static String blank(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }

  public String getQ() {
    return q;
  }

  public void setQ(String q) {
    this.q = q;
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

  public String getTag() {
    return tag;
  }

  public void setTag(String tag) {
    this.tag = tag;
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

  public String getResponded() {
    return responded;
  }

  public void setResponded(String responded) {
    this.responded = responded;
  }

  public String getSort() {
    return sort;
  }

  public void setSort(String sort) {
    this.sort = sort;
  }

  public String getPage() {
    return page;
  }

  public void setPage(String page) {
    this.page = page;
  }
}
