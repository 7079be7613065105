package org.carevoice.earlywarning;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.carevoice.identity.StaffDirectory;
import org.carevoice.notification.Notifications;
import org.carevoice.organisation.CareService;
import org.carevoice.organisation.OrganisationService;
import org.carevoice.story.StoryTags;
import org.carevoice.story.StoryWithdrawnEvent;
import org.carevoice.system.SiteProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.util.UriUtils;

/**
 * What the early warning does with a check's outcome: raises a warning the first time a signal
 * fires, keeps quiet while it stays (for the rule's quiet days), clears it when it goes, and emails
 * the service's managers about the warnings a run raised. docs/early-warning.md.
 */
@Service
public class EarlyWarnings {

  private static final Logger LOG = LoggerFactory.getLogger(EarlyWarnings.class);
  private static final Locale LOCALE = Locale.UK;

  private final RaisedWarningRepository warnings;
  private final OrganisationService organisation;
  private final StaffDirectory staff;
  private final Notifications notifications;
  private final MessageSource messages;
  private final SiteProperties site;
  private final NamedParameterJdbcTemplate jdbc;
  private final Clock clock;
  private final WarningFigures figures;

  EarlyWarnings(WarningFigures figures, RaisedWarningRepository warnings, OrganisationService organisation, StaffDirectory staff,
      Notifications notifications, MessageSource messages, SiteProperties site, NamedParameterJdbcTemplate jdbc,
      Clock clock) {
    this.warnings = warnings;
    this.organisation = organisation;
    this.staff = staff;
    this.notifications = notifications;
    this.messages = messages;
    this.site = site;
    this.jdbc = jdbc;
    this.clock = clock;
    this.figures = figures;
  }

  /** The services this run checks (see {@link WarningFigures#servicesToCheck}). */
  @Transactional(readOnly = true)
  public List<Long> servicesToCheck(Instant at) {
    return figures.servicesToCheck(at);
  }

  /** The checks of one service, as codes (see {@link WarningFigures#checksFor}). */
  @Transactional(readOnly = true)
  public List<String> checksFor(Long serviceId, Instant at) {
    return figures.checksFor(serviceId, at).stream().map(Check::code).toList();
  }

  /** The service's type, a decision input (thresholds may differ by type). */
  @Transactional(readOnly = true)
  public String serviceType(Long serviceId) {
    return organisation.requireService(serviceId).getType().name();
  }

  /**
   * Records the outcome of one check. A rule fired: a new warning unless one for the same signal
   * (and tag) is open and still within its quiet days, which is only marked as seen again. No rule
   * fired: any open warning of the signal is cleared, so the next time it fires it is new.
   *
   * @return true when a new warning was raised (and is to be emailed)
   */
  @Transactional
  public boolean record(Long serviceId, Check check, Figures figures, Optional<EarlyWarning.FiredRule> rule,
      String runId, Instant at) {
    String tag = check.tag() == null ? "" : check.tag();
    if (rule.isEmpty()) {
      warnings.clear(serviceId, check.signal().code(), tag, at);
      return false;
    }
    Optional<RaisedWarning> open = warnings
        .findFirstByServiceIdAndSignalCodeAndTagAndClearedAtIsNullOrderByRaisedAtDescIdDesc(serviceId,
            check.signal().code(), tag);
    if (open.isPresent() && open.get().isQuietAt(at)) {
      open.get().seenAgain(at);
      return false;
    }
    warnings.save(new RaisedWarning(serviceId, check, figures, rule.get(), runId, at));
    return true;
  }

  /**
   * Emails each member of the service's manager group who has an address, once, about the warnings
   * this run raised for the service, and records when and to how many. With no address to send to,
   * the warnings stay recorded (recipients 0) and the log says so.
   *
   * @return how many managers were emailed
   */
  @Transactional
  public int emailManagers(Long serviceId, String runId) {
    List<RaisedWarning> raised = warnings.findByServiceIdAndRunIdAndRecipientsIsNullOrderById(serviceId, runId);
    if (raised.isEmpty()) {
      return 0;
    }
    CareService service = organisation.requireService(serviceId);
    List<String> managers = staff.emailsOf(service.getManagerGroup());
    if (managers.isEmpty()) {
      LOG.warn("Early warning for service {}: {} new warning(s), but no member of group {} has an email address",
          serviceId, raised.size(), service.getManagerGroup());
    }
    Map<String, Object> model = model(service, raised);
    for (String manager : managers) {
      notifications.queue(null, EarlyWarning.TEMPLATE, manager, model, service.getFullName());
    }
    Instant now = clock.instant();
    raised.forEach(warning -> warning.sent(now, managers.size()));
    return managers.size();
  }

  /** A service's warnings, newest first: for the staff pages. */
  @Transactional(readOnly = true)
  public List<RaisedWarning> history(Long serviceId) {
    return warnings.findByServiceIdOrderByRaisedAtDescIdDesc(serviceId);
  }

  /** A withdrawn story is no longer behind any warning (its reference stays in emails already sent). */
  @EventListener
  @Transactional
  public void onStoryWithdrawn(StoryWithdrawnEvent event) {
    warnings.forgetStory(event.storyId());
  }

  private Map<String, Object> model(CareService service, List<RaisedWarning> raised) {
    Map<String, Object> model = new LinkedHashMap<>();
    model.put("service", service.getFullName());
    model.put("managerGroup", service.getManagerGroup());
    model.put("warnings", raised.stream().map(this::view).toList());
    String slug = UriUtils.encodeQueryParam(service.getSlug(), "UTF-8");
    model.put("reportUrl", site.link("/staff/reports?service=" + slug + "&period=month"));
    model.put("overdueUrl", site.link("/staff/reports/overdue?service=" + slug));
    model.put("subscriptionsUrl", site.link("/staff/subscriptions"));
    model.put("staff", true);
    return model;
  }

  /** One warning as the email shows it: its words resolved here, once, for the text and HTML parts. */
  private WarningView view(RaisedWarning warning) {
    String key = "email.early-warning." + warning.getSignal().code();
    String tagLabel = warning.getTag() == null ? "" : message(StoryTags.messageKey(warning.getTag()));
    Object[] figures = {warning.getMatchingNow(), warning.getTotalNow(), warning.getMatchingBefore(),
        warning.getTotalBefore(), warning.getShareNow(), warning.getShareBefore(), tagLabel, warning.getFigure()};
    boolean before = warning.getTotalBefore() != null && warning.getTotalBefore() > 0;
    return new WarningView(message(key + ".title", figures), message(key + ".now", figures),
        message(key + (before ? ".before" : ".before.none"), figures), message(key + ".todo", figures),
        message("email.early-warning.rule", warning.getThreshold()),
        message("email.early-warning.quiet", warning.getQuietDays()), stories(warning.getStoryIds()));
  }

  /** The published stories' references and staff pages, newest first; withdrawn ones are left out. */
  private List<StoryLink> stories(Collection<Long> ids) {
    if (ids.isEmpty()) {
      return List.of();
    }
    List<StoryLink> links = new ArrayList<>();
    jdbc.query("select reference from story where id in (:ids) and status = 'PUBLISHED'"
            + " order by published_at desc, id desc", Map.of("ids", ids),
        (java.sql.ResultSet rs) -> {
          String reference = rs.getString(1);
          links.add(new StoryLink(reference, site.link("/staff/stories/" + UriUtils.encodePathSegment(reference,
              "UTF-8"))));
        });
    return links;
  }

  private String message(String key, Object... arguments) {
    return messages.getMessage(key, arguments, LOCALE);
  }

  /** A warning in the email. */
  public record WarningView(String title, String now, String before, String todo, String rule, String quiet,
      List<StoryLink> stories) {}

  /** A story's reference and the link to its staff page. */
  public record StoryLink(String reference, String url) {}
}
