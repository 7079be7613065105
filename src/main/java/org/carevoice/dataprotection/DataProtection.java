package org.carevoice.dataprotection;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.nio.charset.StandardCharsets;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import org.carevoice.dataprotection.PersonalDataAccess.Action;
import org.carevoice.dataprotection.SubjectRecord.HeldReply;
import org.carevoice.dataprotection.SubjectRecord.HeldStory;
import org.carevoice.moderation.SafeguardingReviews;
import org.carevoice.notification.Notifications;
import org.carevoice.organisation.CareService;
import org.carevoice.response.AuthorReplyService;
import org.carevoice.story.Story;
import org.carevoice.story.StoryService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Requests from the people the data is about (docs/privacy.md): what is held about an email
 * address, its export as JSON (subject access), and its erasure (the same erasure as withdrawal,
 * for every story). Every one of them is written to the access log, in the same transaction as
 * the reading, so nothing is shown unlogged.
 */
@Service
public class DataProtection {

  private final StoryService stories;
  private final AuthorReplyService replies;
  private final Notifications notifications;
  private final SafeguardingReviews safeguarding;
  private final PersonalDataAccessRepository accessLog;
  private final Clock clock;
  private final javax.crypto.spec.SecretKeySpec logKey;
  private final ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule())
      .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).enable(SerializationFeature.INDENT_OUTPUT);

  DataProtection(StoryService stories, AuthorReplyService replies, Notifications notifications,
      SafeguardingReviews safeguarding, PersonalDataAccessRepository accessLog, Clock clock,
      @org.springframework.beans.factory.annotation.Value("${carevoice.data-protection.access-log-key:}") String key) {
    this.logKey = logKey(key);
    this.stories = stories;
    this.replies = replies;
    this.notifications = notifications;
    this.safeguarding = safeguarding;
    this.accessLog = accessLog;
    this.clock = clock;
  }

  /** What is held about an address, shown to a member of staff: the look is logged. */
  @Transactional
  public SubjectRecord find(String email, String viewer) {
    SubjectRecord record = read(email);
    log(Action.SEARCH, email, viewer, record);
    return record;
  }

  /** The subject access export: the same record as JSON. The export is logged. */
  @Transactional
  public byte[] export(String email, String viewer) {
    SubjectRecord record = read(email);
    log(Action.EXPORT, email, viewer, record);
    Map<String, Object> export = new LinkedHashMap<>();
    export.put("about", "Everything Carevoice holds about this email address, exported for a subject access request."
        + " See docs/privacy.md for what each part means and how long it is kept.");
    export.put("emailAddress", email.strip());
    export.put("exportedAt", Instant.now(clock));
    export.put("stories", record.stories());
    export.put("authorReplies", record.replies());
    export.put("emailsSent", record.emails());
    export.put("notHeld", "Carevoice does not hold a name, phone number or postal address for authors unless they wrote"
        + " them in a story. Camunda's case history holds story references and decisions only, no text.");
    try {
      return json.writeValueAsBytes(export);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException("Could not write the export", e);
    }
  }

  /** What an erasure would remove, for the confirmation step: nothing is logged, nothing shown but counts. */
  @Transactional(readOnly = true)
  public SubjectRecord preview(String email) {
    return read(email);
  }

  /**
   * Right to erasure: every story of the address is withdrawn and erased as its author would (a
   * running case ended through its withdrawal path), and every email to the address deleted. The
   * erasure is logged with the references, not the address.
   */
  @Transactional
  public SubjectRecord erase(String email, String viewer) {
    SubjectRecord before = read(email);
    stories.eraseAllOf(email);
    notifications.eraseAllTo(email);
    log(Action.ERASE, email, viewer, before);
    return before;
  }

  /** The latest entries of the access log, newest first: these pages and the safeguarding page. */
  @Transactional(readOnly = true)
  public List<AccessLogEntry> accessLog(int rows) {
    List<AccessLogEntry> entries = new java.util.ArrayList<>();
    accessLog.findAllByOrderByViewedAtDescIdDesc(org.springframework.data.domain.Pageable.ofSize(rows))
        .forEach(access -> entries.add(new AccessLogEntry(access.getViewedAt(), access.getViewedBy(),
            access.getAction().name(), access.getStoryReferences(), access.getStories(), access.getReplies(),
            access.getEmails(), access.getSubjectHash().substring(0, 12))));
    safeguarding.latestAccess(rows).forEach(access -> entries.add(new AccessLogEntry(access.viewedAt(),
        access.viewedBy(), "SAFEGUARDING", access.reference(), 1, 0, 0, null)));
    entries.sort(java.util.Comparator.comparing(AccessLogEntry::at).reversed());
    return entries.size() > rows ? entries.subList(0, rows) : entries;
  }

  /** One line of the access log: who, when, what, which stories; never an address. */
  public record AccessLogEntry(Instant at, String who, String action, String references, int stories, int replies,
      int emails, String subjectHashPrefix) {}

  /**
   * The access log's key. Without a configured key, one made at start-up: the log's entries for one
   * address then match only within this run of this node (docs/privacy.md says to set one).
   */
  private static javax.crypto.spec.SecretKeySpec logKey(String configured) {
    byte[] key = configured == null || configured.isBlank() ? new byte[32] : configured.getBytes(StandardCharsets.UTF_8);
    if (configured == null || configured.isBlank()) {
      new java.security.SecureRandom().nextBytes(key);
    }
    return new javax.crypto.spec.SecretKeySpec(key, "HmacSHA256");
  }

  /**
   * The keyed hash (HMAC-SHA-256) of the trimmed, lower-case address, as the access log keeps it:
   * requests about one person can be matched, but a copy of the database does not give the address
   * away to someone guessing addresses, as a plain hash would.
   */
  String subjectHash(String email) {
    try {
      javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
      mac.init(logKey);
      return HexFormat.of().formatHex(mac.doFinal(email.strip().toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException | java.security.InvalidKeyException e) {
      throw new IllegalStateException(e);
    }
  }

  private SubjectRecord read(String email) {
    List<Story> held = stories.storiesOf(email);
    List<HeldStory> heldStories = held.stream().map(DataProtection::held).toList();
    Map<Long, String> references = held.stream().collect(Collectors.toMap(Story::getId, Story::getReference));
    List<HeldReply> heldReplies = replies.repliesOf(references.keySet()).stream()
        .map(reply -> new HeldReply(references.get(reply.getStoryId()), reply.getBody(), reply.getStatus().name(),
            reply.getCreatedAt(), reply.getPublishedAt()))
        .toList();
    return new SubjectRecord(heldStories, heldReplies, notifications.heldFor(email));
  }

  private static HeldStory held(Story story) {
    return new HeldStory(story.getId(), story.getReference(), story.getStatus().name(), story.getTitle(),
        story.getBody(), story.getAuthorPseudonym(), story.getRelationship().name(), story.getHappenedIn(),
        story.getChannel().name(), story.getServices().stream().map(CareService::getFullName).toList(),
        List.copyOf(story.getTags()), story.getSubmittedAt(), story.getPublishedAt(), story.getEndedAt(),
        story.getRejectionReason(), story.getModeratorMessage(), story.getIdentifierFindings(),
        story.hasPrivateLink());
  }

  private void log(Action action, String email, String viewer, SubjectRecord record) {
    accessLog.save(new PersonalDataAccess(action, Objects.requireNonNull(viewer), Instant.now(clock),
        subjectHash(email), String.join(",", record.references()), record.stories().size(), record.replies().size(),
        record.emails().size()));
  }
}
