package org.carevoice.earlywarning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.carevoice.earlywarning.WarningData.days;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.carevoice.earlywarning.WarningData.Story;
import org.carevoice.organisation.CareService;
import org.springframework.context.ApplicationContext;

/**
 * A known data set for the early warning's figures, with every figure it must give: the same on H2
 * ({@link WarningFiguresTest}) and on PostgreSQL ({@link WarningFiguresPostgresIT}). Stories and
 * cases sit on each window's edges, and some must never count: withdrawn or rejected stories,
 * another service's, one published after the check, a case without an overdue date.
 */
final class FiguresDataSet {

  static final String WAITING = "improve:waiting-time";

  private final Instant at = Instant.now().truncatedTo(ChronoUnit.SECONDS);
  private final CareService service;
  private final CareService other;
  private final CareService idle;
  private Story s1, s2, s3, t1, c1, c2, c3;

  FiguresDataSet(ApplicationContext context) {
    WarningData data = new WarningData(context);
    service = data.service("managers-ew-figures");
    other = data.service("managers-ew-figures");
    idle = data.service("managers-ew-figures");
    data.story(idle, ago(days(113)), "PUBLISHED", 5, WAITING); // too long ago for any window
    // Critical stories: the last 7 days, then the 7 before.
    s1 = data.story(service, ago(days(1)), "PUBLISHED", 5, WAITING, "improve:communication");
    s2 = data.story(service, ago(days(6.9)), "PUBLISHED", 4, "improve:food");
    s3 = data.story(service, ago(days(2)), "PUBLISHED", 3, WAITING);
    data.story(service, ago(days(7)), "PUBLISHED", 4); // on the edge: the week before
    data.story(service, ago(days(10)), "PUBLISHED", 2);
    data.story(service, ago(days(14.5)), "PUBLISHED", 5); // before both weeks, within 28 days
    data.story(service, ago(days(3)), "WITHDRAWN", 5, WAITING);
    data.story(service, ago(days(2)), "REJECTED", 5, WAITING);
    data.story(service, at.plus(Duration.ofHours(1)), "PUBLISHED", 5, WAITING); // after the check
    data.story(other, ago(days(1)), "PUBLISHED", 5, WAITING);
    // The tag: the last 28 days, then the 84 before.
    t1 = data.story(service, ago(days(20)), "PUBLISHED", 1, WAITING);
    data.story(service, ago(days(28)), "PUBLISHED", 1, WAITING); // on the edge: the 84 days before
    data.story(service, ago(days(50)), "PUBLISHED", 1);
    data.story(service, ago(days(100)), "PUBLISHED", 1, "improve:parking");
    data.story(service, ago(days(112)), "PUBLISHED", 1, WAITING); // on the far edge: not counted
    data.story(service, ago(days(120)), "PUBLISHED", 1, WAITING);
    // Overdue cases, of stories published long before (outside every story window).
    c1 = caseStory(data, service, days(1), null);
    c2 = caseStory(data, service, days(3), days(1)); // answered late
    c3 = caseStory(data, service, days(5), null);
    Story answeredOnTime = caseStory(data, service, days(8), days(8)); // answered at its overdue date: in time
    caseStory(data, service, days(10), null);
    caseStory(data, service, days(-2), null); // not overdue yet
    caseStory(data, service, days(30), null);
    caseStory(data, service, days(40), days(45));
    Story withdrawn = data.story(service, ago(days(200)), "WITHDRAWN", 3);
    data.serviceCase(service, withdrawn, ago(days(0.5)), null);
    Story noDates = data.story(service, ago(days(200)), "PUBLISHED", 3);
    data.serviceCase(service, noDates, (java.time.Instant) null, null);
    Story otherCase = data.story(other, ago(days(200)), "PUBLISHED", 3);
    data.serviceCase(other, otherCase, ago(days(0.2)), null);
    assertThat(answeredOnTime).isNotNull();
  }

  /** Every figure of every signal, as docs/early-warning.md defines them. */
  void assertFigures(WarningFigures figures) {
    assertThat(figures.servicesToCheck(at)).contains(service.getId(), other.getId()).doesNotContain(idle.getId());
    assertThat(figures.checksFor(service.getId(), at)).extracting(Check::code).containsExactly("critical-stories",
        WAITING, "improve:communication", "improve:food", "overdue-in-a-row");
    assertThat(figures.checksFor(idle.getId(), at)).extracting(Check::code)
        .containsExactly("critical-stories", "overdue-in-a-row");

    Figures critical = figures.measure(service.getId(), new Check(Signal.CRITICAL_STORIES, null), at);
    assertThat(critical).as("critical stories").isEqualTo(
        new Figures(2, 2, 3, 1, 2, 66.7, 50.0, java.util.List.of(s1.id(), s2.id())));

    Figures tag = figures.measure(service.getId(), new Check(Signal.RISING_IMPROVE_TAG, WAITING), at);
    assertThat(tag).as("waiting time").isEqualTo(
        new Figures(3, 3, 7, 1, 3, 42.9, 33.3, java.util.List.of(s1.id(), s3.id(), t1.id())));
    Figures parking = figures.measure(service.getId(), new Check(Signal.RISING_IMPROVE_TAG, "improve:parking"), at);
    assertThat(parking).as("parking").isEqualTo(new Figures(0, 0, 7, 1, 3, 0.0, 33.3, java.util.List.of()));

    Figures overdue = figures.measure(service.getId(), new Check(Signal.OVERDUE_IN_A_ROW, null), at);
    assertThat(overdue).as("overdue in a row").isEqualTo(
        new Figures(3, 4, 5, 1, 2, 80.0, 50.0, java.util.List.of(c1.id(), c2.id(), c3.id())));
  }

  private Instant ago(Duration duration) {
    return at.minus(duration);
  }

  private Story caseStory(WarningData data, CareService service, Duration overdueAgo, Duration answeredAgo) {
    Story story = data.story(service, ago(days(200)), "PUBLISHED", 3);
    data.serviceCase(service, story, ago(overdueAgo), answeredAgo == null ? null : ago(answeredAgo));
    return story;
  }
}
