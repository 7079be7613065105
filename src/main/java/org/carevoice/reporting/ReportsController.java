package org.carevoice.reporting;

import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.carevoice.identity.StaffGroups;
import org.carevoice.organisation.OrganisationService;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * Managers' reports: {@code /staff/reports} (figures, charts, league table), {@code .csv}, and the
 * cases overdue now ({@code /staff/reports/overdue}, {@code .csv}). The scope and period are in
 * the address (see {@link ReportRequest}), so a report's link can be shared; each reader sees only
 * the services that are theirs ({@link ReportAccess}).
 */
@Controller
class ReportsController {

  static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);

  private final ReportAccess access;
  private final ReportQueries queries;
  private final ReportPage page;
  private final ReportCsv csv;
  private final OrganisationService organisation;
  private final Clock clock;
  private final String cockpitInstance;

  ReportsController(ReportAccess access, ReportQueries queries, ReportPage page, ReportCsv csv,
      OrganisationService organisation, Clock clock,
      @Value("${camunda.bpm.webapp.application-path:/camunda}") String camundaPath,
      @Value("${camunda.bpm.process-engine-name:default}") String engineName) {
    this.access = access;
    this.queries = queries;
    this.page = page;
    this.csv = csv;
    this.organisation = organisation;
    this.clock = clock;
    this.cockpitInstance = camundaPath + "/app/cockpit/" + engineName + "/#/process-instance/";
  }

  @GetMapping("/staff/reports")
  String report(@ModelAttribute("filters") ReportRequest request, Principal user, Model model,
      HttpServletResponse response) {
    ReportAccess.Viewer viewer = access.viewer(user.getName());
    ReportRequest.Criteria criteria = criteria(request, viewer, model, response);
    if (criteria == null) {
      return "staff/reports/report";
    }
    ReportScope scope = scope(viewer, criteria);
    Instant now = Instant.now(clock);
    Report report = queries.report(scope, criteria.period(), now);
    model.addAttribute("report", report);
    model.addAttribute("charts", page.charts(report));
    model.addAttribute("page", page);
    model.addAttribute("scopeName", scopeName(scope));
    model.addAttribute("periodName", page.period(criteria.period()));
    model.addAttribute("league", report.league().stream()
        .sorted(criteria.sort().comparator(criteria.descending())).toList());
    model.addAttribute("columns", LeagueSort.values());
    model.addAttribute("sort", criteria.sort());
    model.addAttribute("descending", criteria.descending());
    model.addAttribute("sortLinks", sortLinks(request, criteria));
    model.addAttribute("csvLink", request.link("/staff/reports.csv", null, null));
    model.addAttribute("overdueLink", request.scopeLink("/staff/reports/overdue"));
    return "staff/reports/report";
  }

  @GetMapping("/staff/reports.csv")
  ResponseEntity<String> reportCsv(@ModelAttribute("filters") ReportRequest request, Principal user) {
    ReportAccess.Viewer viewer = access.viewer(user.getName());
    ReportRequest.Criteria criteria = request.check(organisation, today());
    if (criteria == null) {
      return badCsv(request);
    }
    ReportScope scope = scope(viewer, criteria);
    Report report = queries.report(scope, criteria.period(), Instant.now(clock));
    return csv("carevoice-report-" + fileScope(scope) + "-" + criteria.period().first() + "-to-"
        + criteria.period().last() + ".csv", csv.figures(report));
  }

  @GetMapping("/staff/reports/overdue")
  String overdue(@ModelAttribute("filters") ReportRequest request, Principal user, Model model,
      HttpServletResponse response) {
    ReportAccess.Viewer viewer = access.viewer(user.getName());
    ReportRequest.Criteria criteria = criteria(request, viewer, model, response);
    if (criteria == null) {
      return "staff/reports/overdue";
    }
    ReportScope scope = scope(viewer, criteria);
    Instant now = Instant.now(clock);
    List<ReportQueries.OverdueCase> cases = queries.overdue(scope, now, ReportQueries.OVERDUE_PAGE);
    Map<Long, ServiceRef> services = byId(viewer.all());
    boolean allCases = viewer.everything();
    model.addAttribute("cases", cases.stream().map(c -> {
      ServiceRef service = services.get(c.serviceId());
      boolean mayOpen = c.processInstanceId() != null
          && (allCases || (service != null && viewer.sees(service)));
      return new OverdueRow(c, service, java.time.Duration.between(c.overdueAt(), now).toDays(),
          mayOpen ? cockpitInstance + c.processInstanceId() + "/runtime" : null);
    }).toList());
    model.addAttribute("total", cases.size() < ReportQueries.OVERDUE_PAGE ? cases.size() : queries.countOverdue(scope, now));
    model.addAttribute("page", page);
    model.addAttribute("scopeName", scopeName(scope));
    model.addAttribute("csvLink", request.scopeLink("/staff/reports/overdue.csv"));
    model.addAttribute("reportLink", request.link("/staff/reports", null, null));
    return "staff/reports/overdue";
  }

  @GetMapping("/staff/reports/overdue.csv")
  ResponseEntity<String> overdueCsv(@ModelAttribute("filters") ReportRequest request, Principal user) {
    ReportAccess.Viewer viewer = access.viewer(user.getName());
    ReportRequest.Criteria criteria = request.check(organisation, today());
    if (criteria == null) {
      return badCsv(request);
    }
    ReportScope scope = scope(viewer, criteria);
    Instant now = Instant.now(clock);
    List<ReportQueries.OverdueCase> cases = queries.overdue(scope, now, Integer.MAX_VALUE);
    return csv("carevoice-overdue-" + fileScope(scope) + "-" + today() + ".csv", csv.overdue(cases, byId(viewer.all()), now));
  }

  /** An overdue case as the list shows it. */
  record OverdueRow(ReportQueries.OverdueCase c, ServiceRef service, long daysOverdue, String cockpitLink) {}

  /** Someone who may see no report, or not the one asked for: 403 with a page that says who may. */
  @ExceptionHandler(ReportsNotAllowedException.class)
  @ResponseStatus(HttpStatus.FORBIDDEN)
  String notAllowed(Model model) {
    model.addAttribute("leads", StaffGroups.MODERATION_LEADS);
    return "staff/reports/not-allowed";
  }

  /** The checked request, or null after preparing the 400 page's errors. */
  private ReportRequest.Criteria criteria(ReportRequest request, ReportAccess.Viewer viewer, Model model,
      HttpServletResponse response) {
    ReportRequest.Criteria criteria = request.check(organisation, today());
    model.addAttribute("tree", viewer.services().stream().collect(Collectors.groupingBy(ServiceRef::organisationName,
        LinkedHashMap::new, Collectors.groupingBy(ServiceRef::siteName, LinkedHashMap::new, Collectors.toList()))));
    model.addAttribute("organisations", distinct(viewer.services(), ServiceRef::organisationSlug,
        ServiceRef::organisationName));
    model.addAttribute("sites", distinct(viewer.services(), ServiceRef::siteSlug, ServiceRef::siteName));
    model.addAttribute("periods", ReportPeriod.Kind.values());
    Map<String, String> errors = new LinkedHashMap<>();
    request.problems().forEach((field, problem) -> errors.put(field, "report.error." + problem));
    model.addAttribute("errors", errors);
    model.addAttribute("problems", errors.entrySet().stream()
        .map(error -> new FieldProblem(error.getKey(), page.msg(error.getValue()))).toList());
    if (criteria == null) {
      response.setStatus(HttpStatus.BAD_REQUEST.value());
    }
    return criteria;
  }

  /** A wrong field and what to do about it, for the error summary (fieldName: the id after "report-"). */
  record FieldProblem(String fieldName, String message) {}

  private static Map<String, String> distinct(List<ServiceRef> services, Function<ServiceRef, String> slug,
      Function<ServiceRef, String> name) {
    Map<String, String> found = new LinkedHashMap<>();
    services.forEach(service -> found.putIfAbsent(slug.apply(service), name.apply(service)));
    return found;
  }

  private static Map<Long, ServiceRef> byId(List<ServiceRef> services) {
    return services.stream().collect(Collectors.toMap(ServiceRef::id, service -> service));
  }

  private String scopeName(ReportScope scope) {
    return scope.name() == null ? page.msg("report.scope.everything") : scope.name();
  }

  /** Links of the league table's column headers: by that column, or the other way when it is the current one. */
  private static Map<String, String> sortLinks(ReportRequest request, ReportRequest.Criteria criteria) {
    Map<String, String> links = new LinkedHashMap<>();
    for (LeagueSort sort : LeagueSort.values()) {
      boolean descending = sort == criteria.sort() ? !criteria.descending() : sort.descendingByDefault();
      links.put(sort.code(), request.link("/staff/reports", sort, descending) + "#league");
    }
    return links;
  }

  /** The scope asked for, as far as the viewer may see it (403 when none of it is theirs). */
  private ReportScope scope(ReportAccess.Viewer viewer, ReportRequest.Criteria criteria) {
    return access.scope(viewer, criteria, page.msg("report.scope.yours"));
  }

  private ResponseEntity<String> badCsv(ReportRequest request) {
    String body = request.problems().entrySet().stream()
        .map(problem -> problem.getKey() + ": " + page.msg("report.error." + problem.getValue()))
        .collect(Collectors.joining("\n", "", "\n"));
    return ResponseEntity.badRequest().contentType(new MediaType("text", "plain", StandardCharsets.UTF_8)).body(body);
  }

  private static ResponseEntity<String> csv(String filename, String body) {
    return ResponseEntity.ok().contentType(CSV)
        .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(filename).build().toString())
        .header("X-Content-Type-Options", "nosniff")
        .body(body);
  }

  private static String fileScope(ReportScope scope) {
    return scope.slug() != null ? scope.slug() : scope.everything() ? "all" : "your-services";
  }

  private LocalDate today() {
    return LocalDate.now(clock.withZone(ReportPeriod.SCOTLAND));
  }
}
