package org.carevoice.publicapi;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.carevoice.organisation.CareService;
import org.carevoice.publicapi.ApiJson.FieldProblem;
import org.carevoice.publicapi.ApiJson.StaffStoryRequest;
import org.carevoice.story.Channel;
import org.carevoice.story.NewStory;
import org.carevoice.story.Relationship;
import org.carevoice.story.Story;
import org.carevoice.story.StoryForm;
import org.carevoice.story.StoryTags;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * The checks of the web form ("Tell your story", and staff's /staff/stories/new), with the same
 * limits and email rule from {@link StoryForm}, for a story that staff enter as JSON: title and text
 * lengths, at most 1,000 words, a known relationship, a month not in the future, known services
 * and tags, a pseudonym, the author's consent; and the channel. The email address is optional.
 * Every problem is reported at once, one per field.
 */
@Component
class StaffStoryValidator {

  static final int TITLE_MAX = Story.TITLE_MAX;
  static final int TEXT_MIN = StoryForm.BODY_MIN;
  static final int TEXT_MAX = Story.BODY_MAX;
  static final int PSEUDONYM_MAX = StoryForm.PSEUDONYM_MAX;
  static final int EMAIL_MAX = StoryForm.EMAIL_MAX;
  static final int MAX_SERVICES = 10;
  static final YearMonth EARLIEST = YearMonth.of(StoryForm.EARLIEST_YEAR, 1);
  static final Set<Channel> CHANNELS = Arrays.stream(Channel.values()).filter(Channel::isStaffChoice)
      .collect(Collectors.toUnmodifiableSet());

  private static final ZoneId UK = ZoneId.of("Europe/London");
  private static final Pattern EMAIL = Pattern.compile(StoryForm.EMAIL_PATTERN);
  private static final Pattern MONTH = Pattern.compile("\\d{4}-\\d{2}");

  private final PublicApiReader reader;
  private final ApiMessages messages;
  private final Clock clock;

  StaffStoryValidator(PublicApiReader reader, ApiMessages messages, Clock clock) {
    this.reader = reader;
    this.messages = messages;
    this.clock = clock;
  }

  /** The story ready to submit, or an {@link ApiException} (400) naming every problem. */
  NewStory validate(StaffStoryRequest request) {
    List<FieldProblem> problems = new ArrayList<>();

    String title = strip(request.title());
    if (title == null) {
      problems.add(problem("title", "api.story.title.required"));
    } else if (title.length() > TITLE_MAX) {
      problems.add(problem("title", "api.story.title.tooLong", TITLE_MAX));
    }

    String text = strip(request.text());
    if (text == null) {
      problems.add(problem("text", "api.story.text.required"));
    } else if (text.length() < TEXT_MIN || text.length() > TEXT_MAX) {
      problems.add(problem("text", "api.story.text.size", TEXT_MIN, TEXT_MAX));
    } else if (StoryForm.countWords(text) > StoryForm.MAX_WORDS) {
      problems.add(problem("text", "api.story.text.tooManyWords", StoryForm.MAX_WORDS));
    }

    String pseudonym = strip(request.pseudonym());
    if (pseudonym == null) {
      problems.add(problem("pseudonym", "api.story.pseudonym.required"));
    } else if (pseudonym.length() > PSEUDONYM_MAX) {
      problems.add(problem("pseudonym", "api.story.pseudonym.tooLong", PSEUDONYM_MAX));
    }

    String email = strip(request.email());
    if (email != null && (email.length() > EMAIL_MAX || !EMAIL.matcher(email).matches())) {
      problems.add(problem("email", "api.story.email.invalid"));
    }

    Relationship relationship = relationship(request.relationship());
    if (relationship == null) {
      problems.add(problem("relationship", "api.story.relationship.invalid",
          Arrays.stream(Relationship.values()).map(Enum::name).collect(Collectors.joining(", "))));
    }

    LocalDate happenedIn = null;
    String month = strip(request.happenedIn());
    YearMonth parsed = month == null || !MONTH.matcher(month).matches() ? null : yearMonth(month);
    if (parsed == null) {
      problems.add(problem("happenedIn", "api.story.happenedIn.invalid"));
    } else if (parsed.isAfter(YearMonth.now(clock.withZone(UK)))) {
      problems.add(problem("happenedIn", "api.story.happenedIn.future"));
    } else if (parsed.isBefore(EARLIEST)) {
      problems.add(problem("happenedIn", "api.story.happenedIn.tooOld", String.valueOf(EARLIEST.getYear())));
    } else {
      happenedIn = parsed.atDay(1);
    }

    List<Long> serviceIds = new ArrayList<>();
    List<String> slugs = nonBlank(request.services());
    if (slugs.isEmpty()) {
      problems.add(problem("services", "api.story.services.required"));
    } else if (slugs.size() > MAX_SERVICES) {
      problems.add(problem("services", "api.story.services.tooMany", MAX_SERVICES));
    } else {
      Map<String, CareService> known = reader.servicesBySlug();
      List<String> unknown = slugs.stream().filter(slug -> !known.containsKey(slug)).toList();
      if (!unknown.isEmpty()) {
        problems.add(problem("services", "api.story.services.unknown", String.join(", ", unknown)));
      } else {
        slugs.forEach(slug -> serviceIds.add(known.get(slug).getId()));
      }
    }

    List<String> tags = nonBlank(request.tags());
    List<String> unknownTags = tags.stream().filter(tag -> !StoryTags.isKnown(tag)).toList();
    if (!unknownTags.isEmpty()) {
      problems.add(problem("tags", "api.story.tags.unknown", String.join(", ", unknownTags)));
    }

    Channel channel = channel(request.channel());
    if (channel == null) {
      problems.add(problem("channel", "api.story.channel.invalid"));
    }

    if (!Boolean.TRUE.equals(request.consent())) {
      problems.add(problem("consent", "api.story.consent.required"));
    }

    if (!problems.isEmpty()) {
      String detail = messages.get("api.story.invalid",
          problems.stream().map(FieldProblem::message).collect(Collectors.joining(" ")));
      throw new ApiException(HttpStatus.BAD_REQUEST, detail, problems);
    }
    return new NewStory(title, text, pseudonym, email, relationship, happenedIn, serviceIds, channel, false, tags);
  }

  private FieldProblem problem(String field, String key, Object... arguments) {
    return new FieldProblem(field, messages.get(key, arguments));
  }

  private static Relationship relationship(String value) {
    String code = strip(value);
    if (code == null) {
      return null;
    }
    return Arrays.stream(Relationship.values()).filter(r -> r.name().equalsIgnoreCase(code)).findFirst().orElse(null);
  }

  private static Channel channel(String value) {
    String code = strip(value);
    if (code == null) {
      return null;
    }
    return CHANNELS.stream().filter(c -> c.name().equals(code.toUpperCase(Locale.ROOT))).findFirst().orElse(null);
  }

  private static YearMonth yearMonth(String value) {
    try {
      return YearMonth.parse(value);
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  /** The distinct, stripped, non-blank values, in order. */
  private static List<String> nonBlank(List<String> values) {
    if (values == null) {
      return List.of();
    }
    Set<String> distinct = new LinkedHashSet<>();
    for (String value : values) {
      String stripped = strip(value);
      if (stripped != null) {
        distinct.add(stripped);
      }
    }
    return List.copyOf(distinct);
  }

  private static String strip(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }
}
