package org.carevoice.demo;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.carevoice.identity.StartupOrder;
import org.carevoice.organisation.CareService;
import org.carevoice.organisation.Organisation;
import org.carevoice.organisation.OrganisationService;
import org.carevoice.organisation.ServiceType;
import org.carevoice.organisation.Site;
import org.carevoice.response.ResponseService;
import org.carevoice.story.Channel;
import org.carevoice.story.NewStory;
import org.carevoice.story.Story;
import org.carevoice.story.StoryService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The demo's organisation tree (NHS Lanarkshire and South Lanarkshire HSCP), a dozen published
 * stories with responses, and a year of history for the reports ({@link DemoHistory}; off with
 * {@code carevoice.demo.history=false}, as in the tests). Loaded once, into an empty database.
 */
@Component
@Profile("demo")
@Order(StartupOrder.ORGANISATION)
class DemoData implements ApplicationRunner {

  private static final Logger LOG = LoggerFactory.getLogger(DemoData.class);

  private final OrganisationService organisation;
  private final StoryService stories;
  private final ResponseService responses;
  private final Clock clock;
  private final DemoHistory history;
  private final boolean withHistory;

  DemoData(OrganisationService organisation, StoryService stories, ResponseService responses, Clock clock,
      DemoHistory history,
      @org.springframework.beans.factory.annotation.Value("${carevoice.demo.history:true}") boolean withHistory) {
    this.organisation = organisation;
    this.stories = stories;
    this.responses = responses;
    this.clock = clock;
    this.history = history;
    this.withHistory = withHistory;
  }

  @Override
  public void run(ApplicationArguments args) {
    Map<String, CareService> services = new HashMap<>();
    if (organisation.countServices() == 0) {
      loadTree(services);
      LOG.info("Loaded the demo organisation tree: {} services", services.size());
    }
    if (stories.count() == 0) {
      if (services.isEmpty()) {
        organisation.allServices().forEach(service -> services.put(service.getSlug(), service));
      }
      loadStories(services);
      LOG.info("Loaded {} demo stories", DemoStories.ALL.size());
      if (withHistory) {
        // A year of stories for the managers' reports. One transaction per story: a single one for all
        // would make Hibernate check every story written so far at each flush.
        long started = System.nanoTime();
        int loaded = history.load(services, Instant.now(clock));
        LOG.info("Loaded a year of history for the reports: {} stories in {} ms", loaded,
            (System.nanoTime() - started) / 1_000_000);
      }
    }
  }

  private void loadTree(Map<String, CareService> services) {
    Organisation nhs = organisation.addOrganisation("nhs-lanarkshire", "NHS Lanarkshire");
    Organisation hscp = organisation.addOrganisation("south-lanarkshire-hscp",
        "South Lanarkshire Health and Social Care Partnership");

    Site hairmyres = organisation.addSite(nhs, "hairmyres", "University Hospital Hairmyres");
    add(services, hairmyres, "hairmyres-emergency-department", "Emergency Department", ServiceType.EMERGENCY_DEPARTMENT,
        "responders-hairmyres-ed", "managers-hairmyres");
    add(services, hairmyres, "hairmyres-ward-15", "Ward 15 (Orthopaedics)", ServiceType.WARD,
        "responders-hairmyres-ward-15", "managers-hairmyres");
    add(services, hairmyres, "hairmyres-outpatients", "Outpatient Department", ServiceType.OUTPATIENTS,
        "responders-hairmyres-outpatients", "managers-hairmyres");

    Site wishaw = organisation.addSite(nhs, "wishaw", "University Hospital Wishaw");
    add(services, wishaw, "wishaw-emergency-department", "Emergency Department", ServiceType.EMERGENCY_DEPARTMENT,
        "responders-wishaw-ed", "managers-wishaw");
    add(services, wishaw, "wishaw-maternity", "Maternity Unit", ServiceType.MATERNITY,
        "responders-wishaw-maternity", "managers-wishaw");
    add(services, wishaw, "wishaw-neonatal", "Neonatal Unit", ServiceType.WARD,
        "responders-wishaw-neonatal", "managers-wishaw");

    Site monklands = organisation.addSite(nhs, "monklands", "University Hospital Monklands");
    add(services, monklands, "monklands-emergency-department", "Emergency Department",
        ServiceType.EMERGENCY_DEPARTMENT, "responders-monklands-ed", "managers-monklands");
    add(services, monklands, "monklands-renal-unit", "Renal Unit", ServiceType.OUTPATIENTS,
        "responders-monklands-renal", "managers-monklands");
    add(services, monklands, "monklands-ward-21", "Ward 21 (Medicine for the Elderly)", ServiceType.WARD,
        "responders-monklands-ward-21", "managers-monklands");

    Site community = organisation.addSite(hscp, "south-lanarkshire-community", "Community services, South Lanarkshire");
    add(services, community, "district-nursing-hamilton", "District Nursing, Hamilton", ServiceType.DISTRICT_NURSING,
        "responders-district-nursing", "managers-community");
    add(services, community, "care-at-home-south-lanarkshire", "Care at Home", ServiceType.CARE_AT_HOME,
        "responders-care-at-home", "managers-community");
    add(services, community, "east-kilbride-health-centre", "East Kilbride Health Centre GP practice",
        ServiceType.GP_PRACTICE, "responders-ek-health-centre", "managers-community");
    add(services, community, "blantyre-health-centre", "Blantyre Health Centre GP practice", ServiceType.GP_PRACTICE,
        "responders-blantyre-health-centre", "managers-community");
  }

  private void add(Map<String, CareService> services, Site site, String slug, String name, ServiceType type,
      String responders, String managers) {
    services.put(slug, organisation.addService(site, slug, name, type, responders, managers));
  }

  private void loadStories(Map<String, CareService> services) {
    Instant now = Instant.now(clock);
    List<DemoStories.DemoStory> all = DemoStories.ALL;
    for (int i = 0; i < all.size(); i++) {
      DemoStories.DemoStory demo = all.get(i);
      CareService service = services.get(demo.service());
      Instant published = now.minus(Duration.ofDays(4L * (all.size() - i) + 2));
      LocalDate happened = published.atZone(ZoneId.of("Europe/London")).toLocalDate().minusDays(10).withDayOfMonth(1);
      Story story = stories.importPublished(new NewStory(demo.title(), demo.body(), demo.pseudonym(),
              "demo-author-" + (i + 1) + "@example.org", demo.relationship(), happened, List.of(service.getId()),
              Channel.DEMO), demo.criticality(), published);
      if (demo.response() != null) {
        responses.importPublished(story.getId(), service, demo.response(), demo.responderName(), demo.responderRole(),
            published.plus(Duration.ofHours(20 + 7L * i)));
      }
    }
  }
}
