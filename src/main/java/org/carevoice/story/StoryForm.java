package org.carevoice.story;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

/**
 * The "Tell your story" form, bound from the request and validated on the server: the title and
 * text of {@link EditForm}, and everything else a new story needs.
 */
public class StoryForm extends EditForm {

  public static final int MAX_WORDS = 1_000;

  @NotNull(message = "{story.form.service.required}")
  private Long serviceId;

  @NotNull(message = "{story.form.relationship.required}")
  private Relationship relationship;

  @NotNull(message = "{story.form.month.required}")
  @Min(value = 1, message = "{story.form.month.required}")
  @Max(value = 12, message = "{story.form.month.required}")
  private Integer happenedMonth;

  @NotNull(message = "{story.form.year.required}")
  @Min(value = 1990, message = "{story.form.year.required}")
  @Max(value = 2100, message = "{story.form.year.required}")
  private Integer happenedYear;

  @NotBlank(message = "{story.form.pseudonym.required}")
  @Size(max = 80, message = "{story.form.pseudonym.tooLong}")
  private String pseudonym;

  @NotBlank(message = "{story.form.email.required}")
  @Email(message = "{story.form.email.invalid}")
  @Size(max = 254, message = "{story.form.email.invalid}")
  private String email;

  @AssertTrue(message = "{story.form.consent.required}")
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

  NewStory toNewStory(Channel channel) {
    LocalDate month = happenedIn().atDay(1);
    return new NewStory(getTitle(), getBody(), pseudonym, email, relationship, month, List.of(serviceId), channel,
        website != null && !website.isBlank());
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

  public String getPseudonym() {
    return pseudonym;
  }

  public void setPseudonym(String pseudonym) {
    this.pseudonym = pseudonym;
  }

  public String getEmail() {
    return email;
  }

  public void setEmail(String email) {
    this.email = email;
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
