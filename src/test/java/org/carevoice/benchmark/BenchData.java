package org.carevoice.benchmark;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import org.carevoice.organisation.CareService;
import org.carevoice.organisation.Organisation;
import org.carevoice.organisation.OrganisationService;
import org.carevoice.organisation.ServiceType;
import org.carevoice.organisation.Site;
import org.carevoice.story.Relationship;
import org.carevoice.story.StoryTags;

/**
 * The benchmark's data: an organisation tree (through the application's own service) and
 * published stories with services, tags and responses written straight into our tables by JDBC
 * batches. Every 20th story is a rejected one, which the public must never see.
 */
final class BenchData {

  static final ZoneId SCOTLAND = ZoneId.of("Europe/London");
  private static final int BATCH = 1_000;
  private static final String[] ORGANISATIONS = {"NHS Lanarkshire", "NHS Greater Glasgow and Clyde", "NHS Lothian",
      "South Lanarkshire Health and Social Care Partnership"};
  private static final String[] PLACES = {"Hairmyres", "Wishaw", "Monklands", "Hamilton", "Queen Elizabeth",
      "Royal Alexandra", "Inverclyde", "Stobhill", "Royal Infirmary", "Western General", "St John's", "Liberton",
      "East Kilbride", "Blantyre", "Rutherglen", "Lanark"};
  private static final String[][] SERVICES = {{"Emergency Department", "EMERGENCY_DEPARTMENT"},
      {"Ward 15 (Orthopaedics)", "WARD"}, {"Maternity Unit", "MATERNITY"}, {"Outpatient Department", "OUTPATIENTS"},
      {"Ward 21 (Medicine for the Elderly)", "WARD"}};
  private static final String[] PSEUDONYMS = {"Margaret", "A grateful patient", "Jim from Hamilton", "Worried mum",
      "Anonymous", "Carer", "Son of a patient", "Elaine", "Davie", "Fiona", "A relative", "Frustrated daughter"};
  private static final String[] RESPONDERS = {"Craig Wilson", "Aileen Murray", "Dr Priya Shah", "Morag Campbell",
      "Tom Baird", "Heather Ross"};
  private static final String[] ROLES = {"Charge Nurse", "Senior Charge Nurse", "Service Manager", "Consultant",
      "Patient Experience Lead", "Midwifery Manager"};
  private static final List<String> TAGS = List.copyOf(StoryTags.ALL);

  private final StoryTextGenerator words;
  private final Random random = new Random(42);

  BenchData(StoryTextGenerator words) {
    this.words = words;
  }

  /** Four organisations with four sites of five services each: 80 services. */
  static List<CareService> organisationTree(OrganisationService organisation) {
    List<CareService> services = new ArrayList<>();
    int place = 0;
    for (String name : ORGANISATIONS) {
      Organisation org = organisation.addOrganisation(slug(name), name);
      for (int s = 0; s < 4; s++, place++) {
        String siteName = PLACES[place] + (org.getName().contains("Partnership") ? " community services" : " Hospital");
        Site site = organisation.addSite(org, slug(siteName), siteName);
        for (String[] service : SERVICES) {
          String slug = slug(PLACES[place] + "-" + service[0]);
          services.add(organisation.addService(site, slug, service[0], ServiceType.valueOf(service[1]),
              "responders-" + slug(PLACES[place]) + "-" + services.size(), "managers-" + slug(PLACES[place])));
        }
      }
    }
    return services;
  }

  record Loaded(long published, long rejected, long responses, long tags, long storyServices) {}

  /**
   * Writes {@code published} published stories (and one rejected story for every 19 published),
   * published over the three years before {@code now}, in order of publication.
   */
  Loaded stories(Connection connection, List<CareService> services, int published, Instant now) throws SQLException {
    return storiesAbout(connection, services.stream().map(s -> new ServiceRef(s.getId(), s.getName())).toList(),
        published, now);
  }

  /** A service as the stories need it: its id and name. */
  record ServiceRef(long id, String name) {}

  /** The services in the database in the order {@link #organisationTree} made them. */
  static List<ServiceRef> services(Connection connection) throws SQLException {
    List<ServiceRef> services = new ArrayList<>();
    try (Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("select id, name from care_service order by id")) {
      while (rows.next()) {
        services.add(new ServiceRef(rows.getLong(1), rows.getString(2)));
      }
    }
    return services;
  }

  /** As {@link #stories}, for services read from the database ({@link #services}). */
  Loaded storiesAbout(Connection connection, List<ServiceRef> services, int published, Instant now)
      throws SQLException {
    int total = published + published / 19;
    Instant start = now.minus(Duration.ofDays(3 * 365));
    long span = Duration.between(start, now.minus(Duration.ofHours(1))).getSeconds();
    long[] times = new long[total];
    for (int i = 0; i < total; i++) {
      times[i] = start.getEpochSecond() + (long) (random.nextDouble() * span);
    }
    Arrays.sort(times);
    double[] serviceWeights = new double[services.size()];
    double sum = 0;
    for (int i = 0; i < serviceWeights.length; i++) {
      sum += 1 / Math.pow(i + 1, 0.8);
      serviceWeights[i] = sum;
    }
    for (int i = 0; i < serviceWeights.length; i++) {
      serviceWeights[i] /= sum;
    }
    connection.setAutoCommit(false);
    long responses = 0;
    long tags = 0;
    long storyServices = 0;
    long rejected = 0;
    try (PreparedStatement story = connection.prepareStatement("insert into story (id, version, reference, title, body,"
        + " author_pseudonym, author_email, relationship, happened_in, status, criticality, rejection_reason, channel,"
        + " tracking_token_hash, submitted_at, decided_at, published_at, updated_at, ended_at, identifiers_found)"
        + " values (?, 0, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'WEB', ?, ?, ?, ?, ?, ?, 0)");
        PreparedStatement storyService = connection.prepareStatement(
            "insert into story_service (story_id, service_id) values (?, ?)");
        PreparedStatement storyTag = connection.prepareStatement("insert into story_tag (story_id, tag) values (?, ?)");
        PreparedStatement response = connection.prepareStatement("insert into response (id, story_id, service_id, body,"
            + " responder_name, responder_role, created_at, published_at, status, responder_user)"
            + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
      for (int i = 0; i < total; i++) {
        long id = i + 1;
        boolean isPublished = i % 20 != 19;
        Instant decided = Instant.ofEpochSecond(times[i]);
        Instant submitted = decided.minus(Duration.ofMinutes(60 + random.nextInt(3 * 24 * 60)));
        LocalDate happened = submitted.atZone(SCOTLAND).toLocalDate().minusDays(random.nextInt(60)).withDayOfMonth(1);
        int p = 1;
        story.setLong(p++, id);
        story.setString(p++, String.format("CV-%d-%06d", decided.atZone(SCOTLAND).getYear(), id));
        story.setString(p++, words.title(random));
        story.setString(p++, words.text(random, 100 + random.nextInt(301)));
        story.setString(p++, PSEUDONYMS[random.nextInt(PSEUDONYMS.length)]);
        story.setString(p++, "bench-author-" + random.nextInt(50_000) + "@example.org");
        story.setString(p++, Relationship.values()[random.nextInt(Relationship.values().length)].name());
        story.setObject(p++, happened);
        story.setString(p++, isPublished ? "PUBLISHED" : "REJECTED");
        story.setInt(p++, random.nextInt(4));
        story.setString(p++, isPublished ? null : "off-topic");
        story.setString(p++, HexFormat.of().formatHex(longBytes(id)) + "0".repeat(48));
        story.setObject(p++, utc(submitted));
        story.setObject(p++, utc(decided));
        story.setObject(p++, isPublished ? utc(decided) : null);
        story.setObject(p++, utc(decided));
        story.setObject(p, utc(decided));
        story.addBatch();
        if (!isPublished) {
          rejected++;
        }
        List<ServiceRef> about = new ArrayList<>();
        about.add(services.get(pick(serviceWeights)));
        if (random.nextInt(10) == 0) {
          ServiceRef second = services.get(random.nextInt(services.size()));
          if (!about.contains(second)) {
            about.add(second);
          }
        }
        for (ServiceRef service : about) {
          storyService.setLong(1, id);
          storyService.setLong(2, service.id());
          storyService.addBatch();
          storyServices++;
        }
        int tagCount = random.nextInt(5);
        List<String> chosen = new ArrayList<>();
        while (chosen.size() < tagCount) {
          String tag = TAGS.get(random.nextInt(TAGS.size()));
          if (!chosen.contains(tag)) {
            chosen.add(tag);
            storyTag.setLong(1, id);
            storyTag.setString(2, tag);
            storyTag.addBatch();
            tags++;
          }
        }
        int roll = random.nextInt(100);
        if (isPublished && roll < 65) {
          // 60% answered publicly; 5% with a response still waiting for moderation.
          boolean answered = roll < 60;
          Instant written = decided.plus(Duration.ofHours(2 + random.nextInt(20 * 24)));
          if (written.isAfter(now)) {
            written = now.minus(Duration.ofMinutes(random.nextInt(60)));
          }
          int r = 1;
          ServiceRef service = about.get(0);
          response.setLong(r++, ++responses);
          response.setLong(r++, id);
          response.setLong(r++, service.id());
          response.setString(r++, words.text(random, 40 + random.nextInt(120)));
          response.setString(r++, RESPONDERS[random.nextInt(RESPONDERS.length)]);
          response.setString(r++, ROLES[random.nextInt(ROLES.length)] + ", " + service.name());
          response.setObject(r++, utc(written.minus(Duration.ofHours(1))));
          response.setObject(r++, answered ? utc(written) : null);
          response.setString(r++, answered ? "PUBLISHED" : "AWAITING_MODERATION");
          response.setString(r, "bench.responder");
          response.addBatch();
        }
        if ((i + 1) % BATCH == 0 || i == total - 1) {
          story.executeBatch();
          storyService.executeBatch();
          storyTag.executeBatch();
          response.executeBatch();
          connection.commit();
        }
      }
    }
    connection.setAutoCommit(true);
    try (Statement statement = connection.createStatement()) {
      statement.execute("select setval('story_seq', " + total + ")");
      statement.execute("select setval('story_reference_seq', " + total + ")");
      statement.execute("select setval('response_seq', " + Math.max(1, responses) + ")");
    }
    return new Loaded(total - rejected, rejected, responses, tags, storyServices);
  }

  private int pick(double[] cumulative) {
    int index = Arrays.binarySearch(cumulative, random.nextDouble());
    return Math.min(index >= 0 ? index : -index - 1, cumulative.length - 1);
  }

  private static OffsetDateTime utc(Instant instant) {
    return instant.atOffset(ZoneOffset.UTC);
  }

  private static byte[] longBytes(long value) {
    return java.nio.ByteBuffer.allocate(Long.BYTES).putLong(value).array();
  }

  private static String slug(String name) {
    return name.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
  }
}
