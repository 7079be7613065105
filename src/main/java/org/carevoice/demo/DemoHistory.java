package org.carevoice.demo;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.carevoice.escalation.WorkingDays;
import org.carevoice.organisation.CareService;
import org.carevoice.publication.CelebrationService;
import org.carevoice.response.ResponseService;
import org.carevoice.story.Channel;
import org.carevoice.story.NewStory;
import org.carevoice.story.Relationship;
import org.carevoice.story.ServiceCases;
import org.carevoice.story.Story;
import org.carevoice.story.StoryService;
import org.carevoice.story.StoryStatus;
import org.carevoice.story.StoryTags;
import org.springframework.stereotype.Component;

/**
 * A year of history for the demo's reports: about two hundred stories told over the last twelve
 * months, most about Hairmyres (graham's services), with varied criticality, tags, channels and
 * relationships; most answered after varied delays, a few unanswered, overdue or escalated, some
 * rejected or withdrawn, a few changes, shares and recognitions. The same every time (a seeded
 * random), relative to the day the demo starts.
 */
@Component
class DemoHistory {

  static final int STORIES = 210;
  private static final ZoneId SCOTLAND = ZoneId.of("Europe/London");

  /** Services with their weight (Hairmyres most) and how quickly their teams answer (1 fastest). */
  private static final Map<String, double[]> SERVICES = Map.ofEntries(
      Map.entry("hairmyres-emergency-department", new double[] {24, 1.4}),
      Map.entry("hairmyres-ward-15", new double[] {14, 0.8}),
      Map.entry("hairmyres-outpatients", new double[] {12, 1.0}),
      Map.entry("wishaw-emergency-department", new double[] {10, 1.6}),
      Map.entry("wishaw-maternity", new double[] {8, 0.7}),
      Map.entry("wishaw-neonatal", new double[] {3, 0.6}),
      Map.entry("monklands-emergency-department", new double[] {8, 1.8}),
      Map.entry("monklands-renal-unit", new double[] {3, 0.9}),
      Map.entry("monklands-ward-21", new double[] {5, 1.1}),
      Map.entry("district-nursing-hamilton", new double[] {4, 0.8}),
      Map.entry("care-at-home-south-lanarkshire", new double[] {5, 1.2}),
      Map.entry("east-kilbride-health-centre", new double[] {2, 1.5}),
      Map.entry("blantyre-health-centre", new double[] {2, 1.3}));

  private static final String[] GOOD_TITLES = {"Thank you to the team", "Kind and caring staff", "Seen quickly",
      "Everything was explained", "Looked after so well", "Made to feel at ease", "A big thank you"};
  private static final String[] MIXED_TITLES = {"Good care but a long wait", "Kind staff, poor communication",
      "Mostly good, one worry", "Could have been better"};
  private static final String[] POOR_TITLES = {"Left waiting for hours", "Nobody told us anything",
      "Discharged without a plan", "Felt ignored", "Not the care we expected"};
  private static final String[] GOOD_LINES = {"The staff were kind from the moment we arrived.",
      "The nurse took time to explain everything to us.", "We were seen much sooner than we expected.",
      "The ward was clean and calm, and everyone introduced themselves.",
      "The doctor listened to me and answered all my questions."};
  private static final String[] POOR_LINES = {"We waited a very long time without anyone telling us why.",
      "Nobody explained what would happen next.", "The appointment letter arrived after the appointment.",
      "We could not find a parking space and missed the start.", "The discharge was rushed and the medicines were wrong.",
      "One member of staff was rude to my dad."};
  private static final String[] PSEUDONYMS = {"A patient", "Worried daughter", "Jim from Hamilton", "Grateful mum",
      "Carer from Larkhall", "Anonymous", "Son of a patient", "New dad", "East Kilbride resident"};
  private static final String[][] RESPONDERS = {{"Craig Wilson", "Charge Nurse"}, {"Lorna Baird", "Senior Charge Nurse"},
      {"Dr Priya Shah", "Consultant"}, {"Heather Ross", "Service Manager"}, {"Tom Baird", "Patient Experience Lead"}};

  private final StoryService stories;
  private final ResponseService responses;
  private final ServiceCases cases;
  private final CelebrationService celebrations;
  private final WorkingDays workingDays;
  private final org.springframework.transaction.support.TransactionTemplate transaction;

  DemoHistory(StoryService stories, ResponseService responses, ServiceCases cases, CelebrationService celebrations,
      WorkingDays workingDays, org.springframework.transaction.PlatformTransactionManager transactions) {
    this.stories = stories;
    this.responses = responses;
    this.cases = cases;
    this.celebrations = celebrations;
    this.workingDays = workingDays;
    this.transaction = new org.springframework.transaction.support.TransactionTemplate(transactions);
  }

  /** What happens to one story after it is written: its case, its response, its celebration. */
  private record Planned(StoryService.ImportedStory story, CareService service, boolean positive, Instant answered,
      ServiceCases.ImportedCase serviceCase, String[] responder, String change, String description, Instant madeAt,
      Instant sharedAt, Instant recognisedAt) {}

  /** Writes the year before {@code now}; returns how many stories. */
  int load(Map<String, CareService> services, Instant now) {
    Random random = new Random(2026);
    List<String> slugs = SERVICES.keySet().stream().sorted().toList();
    double[] cumulative = new double[slugs.size()];
    double sum = 0;
    for (int i = 0; i < slugs.size(); i++) {
      sum += SERVICES.get(slugs.get(i))[0];
      cumulative[i] = sum;
    }
    List<Instant> told = new ArrayList<>();
    for (int i = 0; i < STORIES; i++) {
      told.add(now.minus(Duration.ofMinutes(60L * 24 * 3 + random.nextInt(60 * 24 * 362))));
    }
    told.sort(null);
    List<Planned> planned = new ArrayList<>();
    for (Instant submitted : told) {
      double pick = random.nextDouble() * sum;
      int index = 0;
      while (cumulative[index] < pick) {
        index++;
      }
      String slug = slugs.get(index);
      CareService service = services.get(slug);
      if (service != null) {
        planned.add(plan(random, service, SERVICES.get(slug)[1], submitted, now));
      }
    }
    // One transaction, one flush for all the stories (about a second on H2; one transaction per
    // story takes several).
    transaction.executeWithoutResult(status -> {
      List<Story> saved = stories.importDecided(planned.stream().map(Planned::story).toList());
      for (int i = 0; i < saved.size(); i++) {
        followUp(saved.get(i), planned.get(i));
      }
    });
    return planned.size();
  }

  private void followUp(Story story, Planned plan) {
    if (plan.serviceCase() == null) {
      return;
    }
    CareService service = plan.service();
    cases.importCase(story.getId(), service.getId(), plan.serviceCase());
    if (plan.answered() != null) {
      responses.importPublished(story.getId(), service,
          "Thank you for sharing your experience with us. I have passed your story on to the team"
              + (plan.positive() ? ", who were delighted to read it." : " and we are looking at what we can do better."),
          plan.responder()[0], plan.responder()[1] + ", " + service.getName(), plan.answered(), plan.change(),
          plan.description(), plan.madeAt());
    }
    if (plan.sharedAt() != null) {
      celebrations.importCelebration(story.getId(), service.getId(), "graham", service.getResponderGroup(),
          plan.sharedAt(), plan.recognisedAt());
    }
  }

  private Planned plan(Random random, CareService service, double slowness, Instant submitted, Instant now) {
    long daysAgo = Duration.between(submitted, now).toDays();
    // Criticality: mostly low; the Emergency Department's stories turn more critical in the last three months.
    boolean risingEd = service.getSlug().equals("hairmyres-emergency-department") && daysAgo < 92;
    int criticality = pickCriticality(random, risingEd);
    boolean positive = criticality <= 1;
    boolean poor = criticality >= 3;
    List<String> tags = tags(random, positive, poor);
    String title = positive ? pick(random, GOOD_TITLES) : poor ? pick(random, POOR_TITLES) : pick(random, MIXED_TITLES);
    String body = positive ? pick(random, GOOD_LINES) + " " + pick(random, GOOD_LINES) + " Thank you."
        : poor ? pick(random, POOR_LINES) + " " + pick(random, POOR_LINES) + " I hope this helps someone else."
        : pick(random, GOOD_LINES) + " " + pick(random, POOR_LINES);
    Channel channel = random.nextInt(100) < 76 ? Channel.WEB : random.nextInt(100) < 55 ? Channel.PHONE
        : random.nextInt(100) < 70 ? Channel.PAPER : Channel.API;
    Relationship relationship = pickRelationship(random);
    int outcome = random.nextInt(100);
    StoryStatus status = outcome < 8 ? StoryStatus.REJECTED : outcome < 12 ? StoryStatus.WITHDRAWN : StoryStatus.PUBLISHED;
    Instant decided = submitted.plus(Duration.ofMinutes(240 + random.nextInt(60 * 50)));
    Instant published = status == StoryStatus.REJECTED ? null : decided;
    Instant ended = switch (status) {
      case REJECTED -> decided;
      case WITHDRAWN -> min(decided.plus(Duration.ofHours(24 + random.nextInt(24 * 10))), now.minusSeconds(3600));
      default -> decided;
    };
    StoryService.ImportedStory story = new StoryService.ImportedStory(new NewStory(title, body,
        pick(random, PSEUDONYMS), "demo-history-" + Math.abs(random.nextInt(1_000_000)) + "@example.org", relationship,
        submitted.atZone(SCOTLAND).toLocalDate().minusDays(random.nextInt(20)).withDayOfMonth(1),
        List.of(service.getId()), channel, false, tags),
        new StoryService.ImportedDecision(status, criticality, submitted, decided, published, ended));
    if (status != StoryStatus.PUBLISHED) {
      return new Planned(story, service, positive, null, null, null, null, null, null, null, null);
    }
    // Answered after a delay that depends on the team; old stories nearly always, recent ones less often.
    boolean answers = random.nextInt(100) < (daysAgo > 30 ? 96 : 72);
    double r = random.nextDouble();
    Instant answered = answers ? published.plus(Duration.ofMinutes((long) (60 * slowness * (3 + 110 * r * r)))) : null;
    if (answered != null && answered.isAfter(now)) {
      answered = null;
    }
    int dueDays = criticality >= 4 ? 2 : 5;
    Instant due = workingDays.plus(published, dueDays);
    Instant escalationDue = workingDays.plus(due, criticality >= 4 ? 1 : 3);
    Instant overdue = workingDays.plus(escalationDue, criticality >= 4 ? 2 : 5);
    Instant late = answered == null ? now : answered;
    ServiceCases.ImportedCase serviceCase = new ServiceCases.ImportedCase(published, due, escalationDue, overdue,
        due.isBefore(late) ? due : null, escalationDue.isBefore(late) ? escalationDue : null, answered);
    String[] responder = null;
    String change = null;
    String description = null;
    Instant madeAt = null;
    if (answered != null) {
      responder = RESPONDERS[random.nextInt(RESPONDERS.length)];
      if (!positive && random.nextInt(100) < 30) {
        change = "planned";
        description = "We are reviewing how we keep people informed while they wait.";
        Instant made = answered.plus(Duration.ofDays(10 + random.nextInt(40)));
        if (random.nextBoolean() && made.isBefore(now)) {
          change = "made";
          description = "Staff now update everyone waiting at least every hour.";
          madeAt = made;
        }
      }
    }
    Instant sharedAt = null;
    Instant recognisedAt = null;
    if (positive && random.nextInt(100) < 14) {
      sharedAt = min(published.plus(Duration.ofDays(1 + random.nextInt(5))), now.minusSeconds(3600));
      recognisedAt = random.nextBoolean() ? sharedAt.plus(Duration.ofMinutes(5)) : null;
    }
    return new Planned(story, service, positive, answered, serviceCase, responder, change, description, madeAt,
        sharedAt, recognisedAt);
  }

  private static int pickCriticality(Random random, boolean rising) {
    int roll = random.nextInt(100);
    int[] bounds = rising ? new int[] {18, 30, 45, 62, 84} : new int[] {34, 56, 74, 87, 95};
    for (int level = 0; level < bounds.length; level++) {
      if (roll < bounds[level]) {
        return level;
      }
    }
    return 5;
  }

  private static List<String> tags(Random random, boolean positive, boolean poor) {
    List<String> good = StoryTags.BY_GROUP.get("good");
    List<String> improve = StoryTags.BY_GROUP.get("improve");
    List<String> felt = StoryTags.BY_GROUP.get("felt");
    List<String> tags = new ArrayList<>();
    if (!poor) {
      tags.add(good.get(random.nextInt(good.size())));
    }
    if (!positive) {
      // Waiting time and communication come up most.
      tags.add(random.nextInt(100) < 55 ? improve.get(random.nextInt(2)) : improve.get(random.nextInt(improve.size())));
    }
    tags.add(positive ? felt.get(random.nextInt(3)) : poor ? felt.get(3 + random.nextInt(4))
        : felt.get(random.nextInt(felt.size())));
    return tags.stream().distinct().toList();
  }

  private static Relationship pickRelationship(Random random) {
    int roll = random.nextInt(100);
    return roll < 48 ? Relationship.PATIENT : roll < 64 ? Relationship.RELATIVE : roll < 76 ? Relationship.CARER
        : roll < 86 ? Relationship.PARENT_OR_GUARDIAN : roll < 93 ? Relationship.SERVICE_USER
        : roll < 97 ? Relationship.FRIEND : Relationship.STAFF_MEMBER;
  }

  private static String pick(Random random, String[] options) {
    return options[random.nextInt(options.length)];
  }

  private static Instant min(Instant a, Instant b) {
    return a.isBefore(b) ? a : b;
  }
}
