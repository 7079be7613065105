package org.carevoice.story;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.validation.groups.Default;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The "Tell your story" answers, bound from the request and validated on the server: the title and
 * text of {@link EditForm}, and everything else a new story needs. The form is asked in steps
 * ({@link FormStep}); each constraint belongs to its step's validation group as well as to the
 * default group, so a whole form validates as before.
 */
public class StoryForm extends EditForm {

  private static final long serialVersionUID = 1L;

  public static final int MAX_WORDS = 1_000;
  /** The rules that the web form and the staff JSON API share (publicapi.StaffStoryValidator). */
  public static final int BODY_MIN = 50;
  public static final int PSEUDONYM_MAX = 80;
  public static final int EMAIL_MAX = 254;
  public static final int EARLIEST_YEAR = 1990;
  /** An address with a dot in its domain: name@example.org, not name@localhost. */
  public static final String EMAIL_PATTERN = "[^@\\s]+@[^@\\s.]+(\\.[^@\\s.]+)+";

  /** Validation group of the "how was the story taken" step (staff only). */
  public interface HowTakenStep {}

  /** Validation group of the "which service" step. */
  public interface ServiceStep {}

  /** Validation group of the "who you are and when" step. */
  public interface WhoAndWhenStep {}

  /** Validation group of the "what happened" step (text and title, in {@link EditForm}). */
  public interface WhatHappenedStep {}

  /** Validation group of a name to show and, if given, a well-formed email address. */
  public interface ContactStep {}

  /** Validation group of the author's "name and email" step: the email address is required too. */
  public interface NameAndEmailStep extends ContactStep {}

  /** Validation group of the last step: consent, on the check-your-answers page. */
  public interface SendStep {}

  /** How staff took the story: phone or paper (checked by the controller); the author's own form says WEB. */
  @NotNull(message = "{entry.channel.required}", groups = HowTakenStep.class)
  private Channel channel;

  @NotNull(message = "{story.form.service.required}", groups = {Default.class, ServiceStep.class})
  private Long serviceId;

  @NotNull(message = "{story.form.relationship.required}", groups = {Default.class, WhoAndWhenStep.class})
  private Relationship relationship;

  @NotNull(message = "{story.form.month.required}", groups = {Default.class, WhoAndWhenStep.class})
  @Min(value = 1, message = "{story.form.month.required}", groups = {Default.class, WhoAndWhenStep.class})
  @Max(value = 12, message = "{story.form.month.required}", groups = {Default.class, WhoAndWhenStep.class})
  private Integer happenedMonth;

  @NotNull(message = "{story.form.year.required}", groups = {Default.class, WhoAndWhenStep.class})
  @Min(value = EARLIEST_YEAR, message = "{story.form.year.required}", groups = {Default.class, WhoAndWhenStep.class})
  @Max(value = 2100, message = "{story.form.year.required}", groups = {Default.class, WhoAndWhenStep.class})
  private Integer happenedYear;

  /** Optional: {@link StoryTags} codes; unknown codes are refused by the form's controller. */
  private Set<String> tags = new LinkedHashSet<>();

  @NotBlank(message = "{story.form.pseudonym.required}", groups = {Default.class, ContactStep.class})
  @Size(max = PSEUDONYM_MAX, message = "{story.form.pseudonym.tooLong}", groups = {Default.class, ContactStep.class})
  private String pseudonym;

  @NotBlank(message = "{story.form.email.required}", groups = {Default.class, NameAndEmailStep.class})
  @Email(regexp = EMAIL_PATTERN, message = "{story.form.email.invalid}", groups = {Default.class, ContactStep.class})
  @Size(max = EMAIL_MAX, message = "{story.form.email.invalid}", groups = {Default.class, ContactStep.class})
  private String email;

  @AssertTrue(message = "{story.form.consent.required}", groups = {Default.class, SendStep.class})
  private boolean consent;

  /** Hidden from people; robots fill it in. Filled means a spam signal, not a refusal. */
  private String website;

  /** Words in the story: at most {@value #MAX_WORDS}. */
  public static int countWords(String text) {
    if (text == null || text.isBlank()) {
      return 0;
    }
    return text.strip().split("\\s+").length;
  }

  boolean isTooManyWords() {
    return countWords(getBody()) > MAX_WORDS;
  }

  /** The month the care happened in, or null when month or year is missing or out of range. */
  YearMonth happenedIn() {
    if (happenedMonth == null || happenedYear == null || happenedMonth < 1 || happenedMonth > 12) {
      return null;
    }
    return YearMonth.of(happenedYear, happenedMonth);
  }

  /** Tags that are not {@link StoryTags} codes (a tampered or outdated form). */
  boolean hasUnknownTags() {
    return tags != null && !tags.stream().allMatch(StoryTags::isKnown);
  }

  /** Takes one step's answers from a form bound from that step's page. */
  void takeAnswers(FormStep step, StoryForm answered) {
    switch (step) {
      case HOW_TAKEN -> channel = answered.channel;
      case SERVICE -> serviceId = answered.serviceId;
      case WHO_AND_WHEN -> {
        relationship = answered.relationship;
        happenedMonth = answered.happenedMonth;
        happenedYear = answered.happenedYear;
      }
      case WHAT_HAPPENED -> {
        setBody(answered.getBody());
        setTitle(answered.getTitle());
      }
      case TAGS -> tags = answered.tags == null ? new LinkedHashSet<>() : new LinkedHashSet<>(answered.tags);
      case NAME_AND_EMAIL -> {
        pseudonym = answered.pseudonym;
        email = answered.email;
      }
      case CHECK_ANSWERS -> {
        consent = answered.consent;
        website = answered.website;
      }
    }
  }

  NewStory toNewStory(Channel channel) {
    LocalDate month = happenedIn().atDay(1);
    return new NewStory(getTitle(), getBody(), pseudonym, email, relationship, month, List.of(serviceId), channel,
        website != null && !website.isBlank(), tags == null ? List.of() : List.copyOf(tags));
  }

  public Channel getChannel() {
    return channel;
  }

  public void setChannel(Channel channel) {
    this.channel = channel;
  }

  public Long getServiceId() {
    return serviceId;
  }

  public void setServiceId(Long serviceId) {
    this.serviceId = serviceId;
  }

  public Relationship getRelationship() {
    return relationship;
  }

  public void setRelationship(Relationship relationship) {
    this.relationship = relationship;
  }

  public Integer getHappenedMonth() {
    return happenedMonth;
  }

  public void setHappenedMonth(Integer happenedMonth) {
    this.happenedMonth = happenedMonth;
  }

  public Integer getHappenedYear() {
    return happenedYear;
  }

  public void setHappenedYear(Integer happenedYear) {
    this.happenedYear = happenedYear;
  }

  public Set<String> getTags() {
    return tags;
  }

  public void setTags(Set<String> tags) {
    this.tags = tags;
  }

  public String getPseudonym() {
    return pseudonym;
  }

  public void setPseudonym(String pseudonym) {
    this.pseudonym = pseudonym;
  }

  public String getEmail() {
    return email;
  }

  /** A blank address is no address (optional when staff enter a story). */
  public void setEmail(String email) {
    this.email = email == null || email.isBlank() ? null : email;
  }

  public String getWebsite() {
    return website;
  }

  public void setWebsite(String website) {
    this.website = website;
  }

  public boolean isConsent() {
    return consent;
  }

  public void setConsent(boolean consent) {
    this.consent = consent;
  }
}
