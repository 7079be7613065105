package org.carevoice.moderation;

import java.text.Normalizer;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.carevoice.story.ScreeningSubject;
import org.springframework.stereotype.Component;

/**
 * Automated screening of a story's text. It decides nothing: it raises signals that route the case
 * (a safeguarding review) and that the moderator sees. Rules are deliberately cautious: a missed
 * safeguarding concern costs far more than a needless review.
 */
@Component
public class StoryScreener {

  /** The word cap of a story (the public form refuses longer ones; the API is checked here). */
  public static final int MAX_WORDS = 1_000;
  /** Two stories by one author this alike (word-trigram overlap) are duplicates. */
  static final double DUPLICATE_SIMILARITY = 0.8;

  /*
   * The patterns run on normalise()'s lower-case text, so they are written in lower case and
   * compiled without CASE_INSENSITIVE. The safeguarding phrases are one alternation behind one word
   * boundary: one pass over the text instead of seventeen, each of which tested the boundary at
   * every character (a fifth of a story's screening and scanning before, docs/performance.md).
   */

  /** Self-harm, harm to others, abuse or neglect of a child or an adult at risk. */
  private static final Pattern SAFEGUARDING = anyOf(
      "(kill|hang|hurt|harm|cut) (myself|himself|herself|themselves)\\b",
      "end (it all|my life|things)\\b", "take my (own )?life\\b", "suicid(e|al)\\b",
      "self[- ]?harm(ing)?\\b", "overdos(e|ed|ing)\\b", "(don'?t|do not) want to (live|be here|go on)\\b",
      "better off (dead|without me)\\b",
      "(going to|gonna|will) (kill|hurt|harm|stab|batter) (him|her|them|someone|somebody|staff|the nurse|the doctor)\\b",
      "(hits|hit|beats|beat|kicks|punches|slaps|chokes) (me|my (mum|mother|dad|father|son|daughter|wife|husband|partner|gran|granny|grandad|child|baby|wean))\\b",
      "(abused|abusing|sexual abuse|physical abuse|financial abuse)\\b", "neglect(ed|ing)?\\b",
      "not safe (at|in) (home|the house)\\b", "afraid to go home\\b", "(left|lying) in (soiled|dirty|wet) (sheets|clothes|pads|bed)\\b",
      "unexplained (bruis|injur)\\w*\\b", "locked (me |him |her |them )?in\\b");

  /** Language we do not publish (the moderator decides; this only flags). */
  private static final Pattern ABUSIVE = Pattern.compile(
      "\\b(f+[u*@#]+c*k+\\w*|sh[i1*]te?|c[u*]nts?|bastards?|wank\\w*|twats?|bitch\\w*|dickheads?|pricks?|arseholes?"
          + "|slags?|sluts?|whores?|retards?|spastics?|mongs?)\\b");

  private static final List<String> LINK_MARKS = List.of("://", "www.", ".com", ".net", ".org", ".co.uk", ".biz",
      ".info", ".xyz", ".ru");
  private static final Pattern LINK = Pattern.compile("(https?://|www\\.)\\S+|\\b\\S+\\.(com|net|org|co\\.uk|biz|info|xyz|ru)\\b");

  /** The signals raised for one text. */
  public record Signals(boolean safeguarding, boolean spam, boolean abusive, boolean duplicate, boolean tooLong) {}

  public Signals screen(ScreeningSubject subject) {
    String text = normalise(subject.title() + "\n" + subject.body());
    boolean safeguarding = SAFEGUARDING.matcher(text).find();
    boolean abusive = ABUSIVE.matcher(text).find();
    boolean spam = subject.honeypotTripped() || countLinks(text) >= 1 || isRepetitive(text);
    boolean duplicate = false;
    if (!subject.recentTextsBySameAuthor().isEmpty()) {
      Set<String> trigrams = trigrams(subject.body());
      duplicate = subject.recentTextsBySameAuthor().stream()
          .anyMatch(other -> similarity(trigrams, trigrams(other)) >= DUPLICATE_SIMILARITY);
    }
    boolean tooLong = words(subject.body()).length > MAX_WORDS;
    return new Signals(safeguarding, spam, abusive, duplicate, tooLong);
  }

  static int countLinks(String text) {
    // Every link holds one of these; most stories hold none, and LINK tests every word otherwise.
    if (LINK_MARKS.stream().noneMatch(text::contains)) {
      return 0;
    }
    Matcher matcher = LINK.matcher(text);
    int links = 0;
    while (matcher.find()) {
      links++;
    }
    return links;
  }

  /** The same line three times or more, or one word making up more than a third of a long text. */
  static boolean isRepetitive(String text) {
    Map<String, Long> lines = text.lines().map(String::strip).filter(line -> line.length() > 15)
        .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
    if (lines.values().stream().anyMatch(count -> count >= 3)) {
      return true;
    }
    String[] words = words(text);
    if (words.length < 30) {
      return false;
    }
    Map<String, Long> counts = java.util.Arrays.stream(words).filter(word -> word.length() > 3)
        .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
    return counts.values().stream().anyMatch(count -> count * 3 > words.length);
  }

  static double similarity(Set<String> a, Set<String> b) {
    if (a.isEmpty() || b.isEmpty()) {
      return 0;
    }
    Set<String> intersection = new HashSet<>(a);
    intersection.retainAll(b);
    Set<String> union = new HashSet<>(a);
    union.addAll(b);
    return (double) intersection.size() / union.size();
  }

  static Set<String> trigrams(String text) {
    String[] words = words(normalise(text));
    Set<String> trigrams = new HashSet<>();
    for (int i = 0; i + 2 < words.length; i++) {
      trigrams.add(words[i] + " " + words[i + 1] + " " + words[i + 2]);
    }
    return trigrams;
  }

  private static String[] words(String text) {
    String stripped = text == null ? "" : text.strip();
    return stripped.isEmpty() ? new String[0] : stripped.split("[^\\p{L}\\p{N}']+");
  }

  /** Lower case, curly quotes straightened, accents kept. */
  private static String normalise(String text) {
    return Normalizer.normalize(text, Normalizer.Form.NFKC).replace('\u2019', '\'').replace('\u2018', '\'')
        .toLowerCase(Locale.UK);
  }

  /** One pattern that finds any of the phrases, each starting at a word boundary. */
  private static Pattern anyOf(String... phrases) {
    return Pattern.compile("\\b(?:" + String.join("|", phrases) + ")");
  }
}
