package org.carevoice.anonymisation;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Names of people, found the way a moderator finds them (issue 4, widened by issue 13):
 *
 * <ol>
 *   <li>a title or role before a name: "Dr Campbell", "Staff Nurse Jenny Brown", "Mrs O'Neill",
 *       "Sister McAllister", "Nurse Oluwaseun" (the title is part of the finding);
 *   <li>a relative or friend before a name, in any case: "My husband tam", "my daughter, Eilidh",
 *       "My dad, Raghav Menon";
 *   <li>"called", "named", "my name is", "I'm" before a name, and sign-offs: "Thanks, Sam";
 *   <li>a job before or after a name: "the physio Chidi Okafor", "Priya the pharmacist";
 *   <li>a known given name ({@link NameLexicon}: about 60,000 given names of many origins), with
 *       the surname after it; a name that is also an English word ("Lily", "Rose") only where its
 *       capital letter cannot come from the start of a sentence, or with a surname;
 *   <li>a capitalised word nobody lists, followed by a known surname ("Xiuying Chen");
 *   <li>a second pass: later mentions of a name already found in the same text.
 * </ol>
 *
 * Hospitals, wards, streets, towns, charities and illnesses named after people are blocks, never
 * names: "Queen Elizabeth University Hospital", "St Andrew's Hospice", "Marie Curie", "Hamilton",
 * "Parkinson's". Every step reads each word a bounded number of times, so the scan stays linear.
 */
@Component
class PersonNameDetector implements IdentifierDetector {

  private static final String UPPER_WORD = "\\p{Lu}[\\p{Ll}\u2019']*\\p{Ll}";
  private static final String NAME = "(?:Mc|Mac|O'|O\u2019|D')?" + UPPER_WORD + "(?:-(?:Mc|Mac|O')?" + UPPER_WORD + ")?";
  private static final String TITLE = "(?:Senior\\s+Charge\\s+Nurse|Charge\\s+Nurse|Staff\\s+Nurse|Nurse|Sister|Dr\\.?|Doctor"
      + "|Mrs\\.?|Mr\\.?|Ms\\.?|Miss|Mx\\.?|Professor|Prof\\.?|Midwife|Matron|Consultant)";
  /** Words that follow a title but are roles, not names ("Nurse Practitioner"). */
  private static final Set<String> ROLE_WORDS = Set.of("practitioner", "specialist", "consultant", "manager",
      "director", "registrar", "assistant", "nurse", "sister", "doctor", "practice", "team", "station", "in", "on",
      "who", "and", "the", "was", "said", "told", "came", "had");
  /** Words of one name are on one line: a line break ends a name. */
  private static final String GAP = "[ \\t]++";
  private static final Pattern TITLED = Pattern.compile("\\b" + TITLE + GAP + "(" + NAME + ")(?:" + GAP + "(" + NAME + "))?");
  private static final String RELATIVE = "(?:husband|wife|partner|son|daughter|mum|mam|mammy|mother|dad|daddy|father|brother"
      + "|sister|gran|granny|grandma|grandmother|grandad|granda|grandpa|grandfather|grandson|granddaughter|grandchild"
      + "|grandwean|papa|nana|nan|uncle|aunt|auntie|aunty|nephew|niece|boy|girl|friend|pal|neighbour|cousin|baby|wean"
      + "|boyfriend|girlfriend|fianc[eé]e?|stepson|stepdaughter|stepdad|stepmum|stepfather|stepmother|twin|lodger"
      + "|flatmate|carer|mother-in-law|father-in-law|sister-in-law|brother-in-law|son-in-law|daughter-in-law|husband's"
      + "|wife's)";
  /** Up to two describing words between "my" and the relative: "my late wife", "our next-door neighbour". */
  private static final Pattern RELATIVE_NAME = Pattern.compile(
      "\\b(?:[Mm]y|[Oo]ur|[Hh]is|[Hh]er|[Tt]heir)[ \\t]++(?:[a-z][a-z-]*+[ \\t]++){0,2}?" + RELATIVE
          + "(?:[ \\t]*+,)?" + GAP + "(\\p{L}[\\p{Ll}\u2019']*+(?:" + GAP + "(?:Mc|Mac|O')?" + UPPER_WORD + ")?)");
  private static final Pattern CALLED = Pattern.compile(
      "\\b(?:called|named|[Nn]ame\\s+(?:is|was)|I'm|I\u2019m|I\\s+am|[Tt]his\\s+is)" + GAP + "(" + NAME + "(?:" + GAP + NAME
          + ")?)");

  /** Jobs that stand before or after a name: "the physio Chidi", "Priya the pharmacist". */
  private static final Set<String> JOBS = Set.of("physio", "physiotherapist", "pharmacist", "porter", "carer", "paramedic",
      "receptionist", "surgeon", "anaesthetist", "radiographer", "dietitian", "dietician", "therapist", "worker", "visitor",
      "volunteer", "cleaner", "driver", "technician", "student", "nurse", "doctor", "consultant", "registrar", "midwife",
      "gp", "manager", "chaplain", "sonographer", "optician", "dentist", "podiatrist", "psychologist", "psychiatrist",
      "counsellor", "officer", "coordinator", "co-ordinator", "practitioner", "assistant", "auxiliary", "houseman", "hca",
      "secretary", "administrator", "clerk", "phlebotomist", "orthoptist", "audiologist", "keyworker", "advocate",
      "interpreter", "befriender", "cook", "domestic");
  /** Sign-offs before a name that ends a line or the text: "Thanks, Sam". */
  private static final Set<String> SIGN_OFFS = Set.of("thanks", "regards", "wishes", "love", "cheers", "yours", "sincerely",
      "faithfully", "best", "from", "you", "gratitude", "thankyou");

  private final Supplier<NameLexicon> lexicon;

  @Autowired
  PersonNameDetector() {
    this(NameLexicon::standard);
  }

  PersonNameDetector(Supplier<NameLexicon> lexicon) {
    this.lexicon = lexicon;
  }

  @Override
  public List<Finding> detect(String text) {
    NameLexicon words = lexicon.get();
    List<Finding> findings = new ArrayList<>();
    List<Token> tokens = Token.split(text, words);
    boolean[] blocked = Blocks.mark(tokens);
    Matcher titled = TITLED.matcher(text);
    while (titled.find()) {
      if (ROLE_WORDS.contains(titled.group(1).toLowerCase(Locale.ROOT))) {
        continue;
      }
      boolean withSurname = titled.group(2) != null && !ROLE_WORDS.contains(titled.group(2).toLowerCase(Locale.ROOT))
          && (!isPlace(words, titled.group(2)) || isSurname(words, titled.group(2)));
      int end = withSurname ? titled.end(2) : titled.end(1);
      findings.add(new Finding(FindingType.PERSON_NAME, titled.start(), end, text.substring(titled.start(), end), 0.9));
    }
    Matcher relative = RELATIVE_NAME.matcher(text);
    while (relative.find()) {
      String name = relative.group(1);
      String first = firstWord(name);
      int entry = words.lookup(first.toLowerCase(Locale.ROOT));
      boolean capitalised = Character.isUpperCase(first.charAt(0));
      boolean accepted = capitalised
          ? !NameLexicon.has(entry, NameLexicon.PLACE) && !StopWords.contains(first) && !isBlockedAt(tokens, blocked, relative.start(1))
          : lowerCaseName(entry);
      if (accepted) {
        int end = Character.isUpperCase(name.charAt(0)) || !name.contains(" ") ? relative.end(1) : relative.start(1) + first.length();
        findings.add(new Finding(FindingType.PERSON_NAME, relative.start(1), end, text.substring(relative.start(1), end), 0.88));
      }
    }
    Matcher called = CALLED.matcher(text);
    while (called.find()) {
      String first = firstWord(called.group(1));
      int entry = words.lookup(first.toLowerCase(Locale.ROOT));
      boolean name = NameLexicon.has(entry, NameLexicon.GIVEN) || NameLexicon.wordLevel(entry) == 0;
      if (!NameLexicon.has(entry, NameLexicon.PLACE) && !StopWords.contains(first) && name
          && !isBlockedAt(tokens, blocked, called.start(1))) {
        findings.add(new Finding(FindingType.PERSON_NAME, called.start(1), called.end(1), called.group(1), 0.85));
      }
    }
    fromTokens(text, tokens, blocked, findings);
    coordinated(text, tokens, blocked, findings);
    laterMentions(text, tokens, blocked, findings);
    return findings;
  }

  /** A lower-case word after a relative is a name when it is a listed name and not a common word ("my son jamie"). */
  private static boolean lowerCaseName(int entry) {
    if (NameLexicon.has(entry, NameLexicon.HAND_GIVEN)) {
      return true;
    }
    int level = NameLexicon.wordLevel(entry);
    return NameLexicon.has(entry, NameLexicon.GIVEN) && (level == 0 || level >= 50);
  }

  /** Known names, surnames after them, and names before or after a job or a sign-off. */
  private void fromTokens(String text, List<Token> tokens, boolean[] blocked, List<Finding> findings) {
    for (int i = 0; i < tokens.size(); i++) {
      Token t = tokens.get(i);
      if (!t.capitalised || blocked[i] || StopWords.contains(t.lower) || t.contraction()) {
        continue;
      }
      int runEnd = i;
      while (runEnd + 1 < tokens.size() && runEnd - i < 2 && tokens.get(runEnd + 1).joinedBySpace
          && tokens.get(runEnd + 1).capitalised && !blocked[runEnd + 1] && !StopWords.contains(tokens.get(runEnd + 1).lower)
          && !tokens.get(runEnd).possessive) {
        runEnd++;
      }
      double confidence = 0;
      int end = i;
      if (runEnd > i && surnameAfter(tokens.get(i + 1)) && (givenName(t) || (t.wordLevel() == 0 && !t.place()))) {
        confidence = 0.8;
        end = runEnd > i + 1 && surnameAfter(tokens.get(i + 2)) ? i + 2 : i + 1;
      } else if (givenName(t) && aloneIsName(t) && !(runEnd == i && placeAfterPreposition(tokens, i))) {
        confidence = 0.7;
      } else if ((givenName(t) || t.wordLevel() == 0) && !t.place() && (jobAround(tokens, i, runEnd) || signOff(text, tokens, i, runEnd))) {
        confidence = 0.75;
        end = runEnd;
      } else if (unlistedNameBeforePersonVerb(tokens, i, runEnd)) {
        confidence = 0.72;
        end = runEnd;
      }
      if (confidence > 0) {
        findings.add(finding(text, tokens.get(i), tokens.get(end), confidence));
        i = end;
      }
    }
  }

  /**
   * "Dương and Trương", "Kungawo and Danielle": a capitalised word joined by "and" to a name found is
   * a name too, when it is no English word, place or block.
   */
  private void coordinated(String text, List<Token> tokens, boolean[] blocked, List<Finding> findings) {
    boolean[] named = new boolean[tokens.size()];
    for (Finding f : findings) {
      int i = indexAt(tokens, f.start());
      while (i >= 0 && i < tokens.size() && tokens.get(i).start < f.end()) {
        named[i++] = true;
      }
    }
    for (int i = 0; i + 2 < tokens.size(); i++) {
      if (!tokens.get(i + 1).lower.equals("and") && !tokens.get(i + 1).lower.equals("or")) {
        continue;
      }
      int other = named[i] && !named[i + 2] ? i + 2 : named[i + 2] && !named[i] ? i : -1;
      if (other < 0) {
        continue;
      }
      Token t = tokens.get(other);
      if (t.capitalised && !blocked[other] && !t.place() && !StopWords.contains(t.lower)
          && (t.wordLevel() == 0 || NameLexicon.has(t.entry, NameLexicon.GIVEN) && t.wordLevel() >= 50)) {
        findings.add(finding(text, t, t, 0.7));
        named[other] = true;
      }
    }
  }

  /** Index of the token starting at {@code start}, or -1. */
  private static int indexAt(List<Token> tokens, int start) {
    int low = 0;
    int high = tokens.size() - 1;
    while (low <= high) {
      int mid = (low + high) >>> 1;
      int at = tokens.get(mid).start;
      if (at < start) {
        low = mid + 1;
      } else if (at > start) {
        high = mid - 1;
      } else {
        return mid;
      }
    }
    return -1;
  }

  /** Every later capitalised (or, if first found in lower case, lower-case) mention of a name already found. */
  private void laterMentions(String text, List<Token> tokens, boolean[] blocked, List<Finding> findings) {
    Set<String> found = new HashSet<>();
    Set<String> foundLower = new HashSet<>();
    for (Finding f : findings) {
      for (String word : SEPARATORS.split(f.text())) {
        String lower = withoutPossessive(word.toLowerCase(Locale.ROOT)).replace(".", "");
        if (!lower.isEmpty() && !TITLE_WORDS.contains(lower) && !StopWords.contains(lower) && !lower.startsWith("i'")
            && !lower.startsWith("i\u2019")) {
          (Character.isUpperCase(word.charAt(0)) ? found : foundLower).add(lower);
        }
      }
    }
    if (found.isEmpty() && foundLower.isEmpty()) {
      return;
    }
    for (int i = 0; i < tokens.size(); i++) {
      Token t = tokens.get(i);
      boolean mention = t.capitalised ? found.contains(t.lower) || foundLower.contains(t.lower) : foundLower.contains(t.lower);
      if (mention && !blocked[i] && (!t.sentenceInitial || t.wordLevel() == 0 || t.wordLevel() >= 50)) {
        findings.add(finding(text, t, t, 0.65));
      }
    }
  }

  private static final Pattern SEPARATORS = Pattern.compile("[ \\t,]+");

  private static String withoutPossessive(String word) {
    int n = word.length();
    return n > 2 && word.charAt(n - 1) == 's' && (word.charAt(n - 2) == '\'' || word.charAt(n - 2) == '\u2019')
        ? word.substring(0, n - 2) : word;
  }

  private static String firstWord(String name) {
    int space = 0;
    while (space < name.length() && name.charAt(space) != ' ' && name.charAt(space) != '\t') {
      space++;
    }
    return name.substring(0, space);
  }

  private static final Set<String> TITLE_WORDS = Set.of("senior", "charge", "staff", "nurse", "sister", "dr", "doctor", "mrs",
      "mr", "ms", "miss", "mx", "professor", "prof", "midwife", "matron", "consultant");

  private static Finding finding(String text, Token first, Token last, double confidence) {
    return new Finding(FindingType.PERSON_NAME, first.start, last.end, text.substring(first.start, last.end), confidence);
  }

  private static boolean givenName(Token t) {
    return NameLexicon.has(t.entry, NameLexicon.GIVEN) && !t.place();
  }

  /** A capitalised word after a first name is its surname unless it is a common word that is no surname. */
  private static boolean surnameAfter(Token t) {
    if (NameLexicon.has(t.entry, NameLexicon.SURNAME) || t.lower.startsWith("mc") || t.lower.startsWith("mac")
        || t.lower.startsWith("o'")) {
      return true;
    }
    if (t.place()) {
      return false;
    }
    int level = t.wordLevel();
    return level == 0 || level >= 50;
  }

  /**
   * A given name on its own: always when it is no English word (or a rare one: "Tam"); when it is
   * also a word ("Lily", "Will", "Grace"), only away from the start of a sentence and when it is
   * a popular name, more popular the commoner the word.
   */
  private static boolean aloneIsName(Token t) {
    if (MONTH_NAMES.contains(t.lower)) {
      return false;
    }
    int level = t.wordLevel();
    if (NameLexicon.has(t.entry, NameLexicon.HAND_GIVEN) && level == 0) {
      return true;
    }
    if (level == 0 || level >= 55) {
      return true;
    }
    if (t.sentenceInitial) {
      return false;
    }
    int rank = NameLexicon.givenRank(t.entry);
    return level >= 35 ? rank <= 3_000 : rank <= 800;
  }

  /** Prepositions of place: "lived in Carlisle", "the clinic at Livingston" are towns, not people. */
  private static final Set<String> LOCATIVES = Set.of("in", "at", "near", "into", "outside", "around", "round", "towards",
      "via", "past");

  /** A lone capitalised word after "in", "at" ... is a place unless it is a name a moderator listed. */
  private static boolean placeAfterPreposition(List<Token> tokens, int i) {
    return i > 0 && LOCATIVES.contains(tokens.get(i - 1).lower) && !NameLexicon.has(tokens.get(i).entry, NameLexicon.HAND_GIVEN);
  }

  /** Months that are also given names: a name only with a surname ("June Baird"), never alone ("in June"). */
  private static final Set<String> MONTH_NAMES = Set.of("april", "may", "june", "august", "jesus");

  private static final Set<String> ARTICLES = Set.of("the", "our", "my", "her", "his", "their", "a", "an");

  /** What people do and places, drugs and things do not: "Ylenia said", "It was Abhaya who". */
  private static final Set<String> PERSON_VERBS = Set.of("who", "whose", "said", "says", "told", "tells", "explained",
      "asked", "listened", "phoned", "rang", "smiled", "noticed", "apologised", "apologized", "spoke", "talked", "visited",
      "sat", "held", "stayed", "arrived", "reassured", "introduced", "laughed", "shouted", "cried", "promised",
      "remembered", "answered", "replied", "insisted", "refused", "agreed", "examined", "listens",
      "comforted", "hugged", "waved", "sang", "joked", "chatted", "himself", "herself", "themselves");

  /**
   * Capitalised words in no list at all (neither name nor English word nor place), followed by
   * something only people do: "Ylenia said", "Ted Shaw listened", "It was Abhaya who".
   */
  private static boolean unlistedNameBeforePersonVerb(List<Token> tokens, int first, int last) {
    if (last + 1 >= tokens.size() || !PERSON_VERBS.contains(tokens.get(last + 1).lower)) {
      return false;
    }
    for (int k = first; k <= last; k++) {
      Token t = tokens.get(k);
      int level = t.wordLevel();
      if (t.place() || t.possessive && k < last || !(level == 0 || level >= 50 || NameLexicon.has(t.entry, NameLexicon.GIVEN))
          || t.lower.length() < 2) {
        return false;
      }
    }
    return true;
  }

  /** "the physio Chidi", "Priya the pharmacist", "Chidi Okafor, the physio", "our home carer Bogdan". */
  private static boolean jobAround(List<Token> tokens, int first, int last) {
    if (first > 0) {
      Token before = tokens.get(first - 1);
      if (JOBS.contains(before.lower) && !before.capitalised && !before.possessive) {
        return true;
      }
    }
    if (last + 2 < tokens.size()) {
      Token article = tokens.get(last + 1);
      Token job = tokens.get(last + 2);
      boolean articleFits = ARTICLES.contains(article.lower);
      if (articleFits && JOBS.contains(job.lower)) {
        return true;
      }
      if (articleFits && last + 3 < tokens.size() && JOBS.contains(tokens.get(last + 3).lower)
          && !tokens.get(last + 2).capitalised) {
        return true;
      }
    }
    return false;
  }

  /** "Thanks, Sam" or "Kind regards,\nSam Baird" with the name closing its line or the text. */
  private static boolean signOff(String text, List<Token> tokens, int first, int last) {
    if (first == 0 || !SIGN_OFFS.contains(tokens.get(first - 1).lower)) {
      return false;
    }
    int after = tokens.get(last).end;
    while (after < text.length() && ".!, \t".indexOf(text.charAt(after)) >= 0) {
      after++;
    }
    boolean endsLine = after == text.length() || text.charAt(after) == '\n' || text.charAt(after) == '\r';
    int gapStart = tokens.get(first - 1).end;
    int gapEnd = tokens.get(first).start;
    if (!endsLine || gapEnd - gapStart > 6) {
      return false;
    }
    for (int k = gapStart; k < gapEnd; k++) {
      if (",!. \t\r\n-".indexOf(text.charAt(k)) < 0) {
        return false;
      }
    }
    return true;
  }

  /** Whether the word starting at {@code start} is in a block; found by halves, so many matches stay linear. */
  private static boolean isBlockedAt(List<Token> tokens, boolean[] blocked, int start) {
    int i = indexAt(tokens, start);
    return i >= 0 && blocked[i];
  }

  private static boolean isPlace(NameLexicon words, String word) {
    return NameLexicon.has(words.lookup(word.toLowerCase(Locale.ROOT)), NameLexicon.PLACE);
  }

  private static boolean isSurname(NameLexicon words, String word) {
    return NameLexicon.has(words.lookup(word.toLowerCase(Locale.ROOT)), NameLexicon.SURNAME);
  }

  /** A word of the text with what is known about it. */
  static final class Token {
    final int start;
    final int end;
    final String lower;
    final boolean capitalised;
    final boolean sentenceInitial;
    final boolean joinedBySpace;
    final boolean possessive;
    final int entry;

    private Token(String text, int start, int end, boolean possessive, Token previous, NameLexicon words) {
      this.start = start;
      this.end = end;
      this.possessive = possessive;
      String word = text.substring(start, end);
      this.lower = word.toLowerCase(Locale.ROOT);
      this.capitalised = Character.isUpperCase(word.charAt(0)) && (word.length() == 1 || !word.equals(word.toUpperCase(Locale.ROOT)));
      int p = start - 1;
      while (p >= 0 && (text.charAt(p) == ' ' || text.charAt(p) == '\t')) {
        p--;
      }
      char before = p < 0 ? '\n' : text.charAt(p);
      this.sentenceInitial = p < 0 || ".!?\n\r:;\"\u201c(*-\u2022".indexOf(before) >= 0
          || (previous != null && previous.end == p + 1 && previous.lower.equals("i"));
      this.joinedBySpace = previous != null && p + 1 == previous.end && p + 1 < start;
      int found = words.lookup(lower);
      if (found == 0) {
        String plain = NameLexicon.plain(lower);
        found = plain.equals(lower) ? 0 : words.lookup(plain);
      }
      this.entry = found;
    }

    int wordLevel() {
      return NameLexicon.wordLevel(entry);
    }

    /** "I'm", "Don't", "It's": an apostrophe that is not a name's own (O'Brien, D'Arcy). */
    boolean contraction() {
      int apostrophe = Math.max(lower.indexOf('\''), lower.indexOf('\u2019'));
      return apostrophe >= 0 && !(apostrophe == 1 && (lower.charAt(0) == 'o' || lower.charAt(0) == 'd'));
    }

    boolean place() {
      return NameLexicon.has(entry, NameLexicon.PLACE);
    }

    /** Words: letters with inner apostrophes and hyphens; a possessive 's is left outside the word. */
    static List<Token> split(String text, NameLexicon words) {
      List<Token> tokens = new ArrayList<>();
      int i = 0;
      int n = text.length();
      Token previous = null;
      while (i < n) {
        if (!Character.isLetter(text.charAt(i))) {
          i++;
          continue;
        }
        int start = i;
        while (i < n && (Character.isLetter(text.charAt(i))
            || (isJoiner(text.charAt(i)) && i + 1 < n && Character.isLetter(text.charAt(i + 1))))) {
          i++;
        }
        int end = i;
        boolean possessive = false;
        if (end - start > 2 && (text.charAt(end - 1) == 's' || text.charAt(end - 1) == 'S')
            && (text.charAt(end - 2) == '\'' || text.charAt(end - 2) == '\u2019')) {
          end -= 2;
          possessive = true;
        }
        previous = new Token(text, start, end, possessive, previous, words);
        tokens.add(previous);
      }
      return tokens;
    }

    private static boolean isJoiner(char c) {
      return c == '\'' || c == '\u2019' || c == '-';
    }
  }

  /**
   * Runs of capitalised words that name a place, an organisation or an illness, never a person:
   * followed by a place word ("... Hospital", "... Street"), started by "St", "Queen", "Royal",
   * "University" ..., listed as a charity or place of care, or an illness named after a person.
   */
  static final class Blocks {

    private static final Set<String> PLACE_WORDS = Set.of("hospital", "hospice", "infirmary", "centre", "center", "unit",
        "ward", "wards", "clinic", "practice", "surgery", "medical", "health", "trust", "foundation", "charity", "society",
        "scotland", "uk", "home", "homes", "house", "court", "street", "st", "road", "rd", "avenue", "park", "palace",
        "station", "school", "primary", "academy", "college", "university", "church", "chapel", "hall", "library",
        "partnership", "council", "team", "service", "services", "lodge", "gardens", "drive", "way", "lane", "crescent",
        "terrace", "place", "square", "village", "estate", "care", "nursing", "pharmacy", "chemist", "chemists", "clinics",
        "building", "wing", "block", "suite", "department", "dept", "hub", "group", "network", "association", "institute",
        "campus", "bridge", "cross", "loch", "glen", "town", "city", "airport", "museum", "cathedral", "shopping", "mall",
        "stadium", "arena", "bank", "hotel", "restaurant", "cafe", "bar", "pub", "inn", "club", "syndrome",
        "disease", "palsy", "ataxia", "dystrophy", "sarcoma", "lymphoma", "ltd", "limited", "plc", "jubilee",
        "memorial", "view", "brae", "wynd", "row", "gate", "mews", "walk", "close", "grove", "farm", "mill", "castle",
        "tower", "towers", "quay", "harbour", "beach", "bay", "valley", "forest", "wood", "woods", "hill", "hills");
    /** Words that start a place's name: "St Andrew's Hospice", "Queen Elizabeth", "Royal Alexandra". */
    private static final Set<String> PLACE_STARTS = Set.of("st", "saint", "queen", "king", "royal", "princess", "prince",
        "university", "golden", "mount", "port", "fort", "lady", "lord", "glasgow", "edinburgh", "lanarkshire", "east",
        "west", "north", "south", "new", "old", "upper", "lower", "great", "little", "holy", "sacred", "our", "chest",
        "sir", "christmas", "hogmanay", "easter", "boxing", "hallowe'en", "halloween");
    /** Charities and places of care whose names look like people's. */
    private static final Set<String> ORGANISATIONS = Set.of("marie curie", "macmillan", "maggie", "maggies", "beatson",
        "barnardo", "barnardos", "sue ryder", "carers trust", "alzheimer scotland", "age scotland", "quarriers",
        "samaritans", "chas", "cornerstone", "penumbra", "richmond fellowship", "hairmyres", "monklands", "wishaw",
        "kirklands", "udston", "gartnavel", "yorkhill", "stobhill", "leverndale", "dykebar", "ninewells", "raigmore",
        "golden jubilee", "st", "saint");
    /** Illnesses and tests named after people. */
    private static final Set<String> EPONYMS = Set.of("parkinson", "alzheimer", "crohn", "hodgkin", "asperger",
        "huntington", "addison", "cushing", "graves", "raynaud", "tourette", "bell", "guillain", "barre", "barré",
        "creutzfeldt", "jakob", "meniere", "ménière", "paget", "sjogren", "sjögren", "wilson", "down", "downs", "hashimoto",
        "kawasaki", "lyme", "marfan", "perthes", "osgood", "schlatter", "dupuytren", "baker", "colles", "achilles",
        "apgar", "glasgow", "heimlich", "epstein", "barr", "ehlers", "danlos", "lewy", "korsakoff", "wernicke", "pick",
        "tay", "sachs", "turner", "klinefelter", "fallot", "hirschsprung", "bright", "still", "reiter", "behcet",
        "behçet", "horner", "munchausen", "caldicott", "gillick", "fraser", "covid", "nhs", "anne", "duchenne", "becker");

    private Blocks() {}

    static boolean[] mark(List<Token> tokens) {
      boolean[] blocked = new boolean[tokens.size()];
      int i = 0;
      while (i < tokens.size()) {
        Token t = tokens.get(i);
        if (!t.capitalised) {
          i++;
          continue;
        }
        int end = i;
        while (end + 1 < tokens.size() && tokens.get(end + 1).capitalised && tokens.get(end + 1).joinedBySpace
            && !tokens.get(end).possessive) {
          end++;
        }
        // "St Andrew's Hospice": a possessive inside a place's name joins the run after it
        while (end + 1 < tokens.size() && tokens.get(end).possessive && tokens.get(end + 1).capitalised
            && PLACE_WORDS.contains(tokens.get(end + 1).lower)) {
          end++;
        }
        boolean place = PLACE_WORDS.contains(tokens.get(end).lower) && end > i && !givenNameAndSurname(tokens, i, end)
            || startsAPlace(tokens, i, end)
            || organisation(tokens, i, end);
        for (int k = i; k <= end; k++) {
          Token word = tokens.get(k);
          boolean eponym = EPONYMS.contains(word.lower) && (word.possessive || k < end || nextIsIllness(tokens, k));
          if (place || eponym) {
            blocked[k] = true;
          }
        }
        i = end + 1;
      }
      return blocked;
    }

    /**
     * "Lily Hill", "Ann Wood": a popular given name and a surname that is also a place word is a
     * person; "Rose Hill" (a commoner word first), "Castle Hill" and "the Hill" stay places.
     */
    private static boolean givenNameAndSurname(List<Token> tokens, int first, int last) {
      if (last != first + 1) {
        return false;
      }
      Token given = tokens.get(first);
      Token surname = tokens.get(last);
      int level = given.wordLevel();
      boolean name = NameLexicon.has(given.entry, NameLexicon.GIVEN) && !given.place()
          && (level == 0 || level >= 50 || level >= 35 && NameLexicon.givenRank(given.entry) <= 1_000);
      return name && NameLexicon.has(surname.entry, NameLexicon.SURNAME);
    }

    /** "Queen Elizabeth", also when the run starts with a capital "The": "The Queen Elizabeth sent ...". */
    private static boolean startsAPlace(List<Token> tokens, int from, int to) {
      for (int k = from; k < to; k++) {
        if (PLACE_STARTS.contains(tokens.get(k).lower)) {
          return true;
        }
        if (!StopWords.contains(tokens.get(k).lower)) {
          return false;
        }
      }
      return false;
    }

    private static boolean nextIsIllness(List<Token> tokens, int k) {
      if (k + 1 >= tokens.size()) {
        return false;
      }
      String next = tokens.get(k + 1).lower;
      return next.equals("disease") || next.equals("syndrome") || next.equals("palsy") || next.equals("scale")
          || next.equals("test");
    }

    private static boolean organisation(List<Token> tokens, int from, int to) {
      for (int k = from; k <= to; k++) {
        String word = tokens.get(k).lower;
        if (ORGANISATIONS.contains(word) || k < to && ORGANISATIONS.contains(word + " " + tokens.get(k + 1).lower)) {
          return true;
        }
      }
      return false;
    }
  }

  /** Capitalised words that are not names where a name could stand ("my Mum", "my son And"). */
  static final class StopWords {
    private static final Set<String> WORDS = Set.of("and", "was", "is", "had", "has", "who", "went", "came", "the",
        "a", "an", "to", "in", "at", "on", "with", "when", "after", "before", "said", "told", "but", "so", "then",
        "were", "got", "being", "been", "would", "could", "did", "does", "i", "we", "he", "she", "they", "it", "all",
        "nhs", "ward", "hospital", "a&e", "ae", "gp", "monday", "tuesday", "wednesday", "thursday", "friday",
        "saturday", "sunday", "january", "february", "march", "july", "september", "october", "november", "december", "christmas", "easter", "hogmanay", "thank", "thanks", "also", "both", "too",
        "again", "still", "my", "our", "his", "her", "their", "this", "that", "there", "here", "please", "mum", "mam",
        "mammy", "dad", "daddy", "gran", "granny", "grandma", "grandad", "granda", "grandpa", "papa", "nana", "nan",
        "auntie", "aunty", "uncle", "sis", "bro", "god", "christ", "lord", "allah", "mass", "covid", "corona",
        "coronavirus", "scottish", "scots", "english", "british", "irish", "welsh", "polish", "italian", "french",
        "spanish", "german", "chinese", "indian", "pakistani", "bangladeshi", "asian", "african", "european", "arabic",
        "urdu", "punjabi", "hindi", "gaelic", "doric", "romanian", "lithuanian", "latvian", "ukrainian", "russian",
        "muslim", "christian", "catholic", "protestant", "jewish", "hindu", "sikh", "buddhist", "islam", "ramadan",
        "eid", "diwali", "scotland", "england", "britain", "uk", "europe", "glasgow", "lanarkshire", "edinburgh", "yes",
        "no", "ok", "okay", "hi", "hello", "dear", "sorry", "well", "now", "today", "tonight", "yesterday", "tomorrow",
        "just", "even", "only", "why", "what", "how", "where", "which", "if", "as", "for", "from", "of", "by", "or",
        "not", "never", "every", "some", "any", "one", "two", "three", "none", "no-one", "nobody", "everyone", "someone",
        "mr", "mrs", "ms", "miss", "dr", "nurse", "sister", "doctor", "staff", "charge", "consultant", "professor",
        "midwife", "matron", "team", "unit", "service", "services", "care", "home", "council", "social", "work",
        "police", "ambulance", "paramedics", "fire", "brigade", "maternity", "children", "accident", "emergency",
        "department", "outpatients", "inpatients", "radiology", "x-ray", "ct", "mri", "ecg", "icu", "itu", "hdu", "sos",
        "fb", "facebook", "twitter", "google", "whatsapp", "zoom", "teams", "tesco", "asda", "morrisons", "boots",
        "lloyds", "superdrug", "aldi", "lidl", "mcdonalds", "uber", "amazon", "apple", "samsung", "iphone", "android",
        "ipad", "tv", "bbc", "stv", "mp", "msp", "dwp", "pip", "esa", "gps", "ot", "cpn", "cpr", "dnacpr", "ppe",
        "a-and-e", "minor", "injuries", "out", "hours", "night", "day", "morning", "evening", "afternoon", "week",
        "month", "year", "spring", "summer", "autumn", "winter", "new", "year's", "boxing", "valentine", "mothers",
        "fathers", "mother's", "father's");

    static boolean contains(String word) {
      return WORDS.contains(word.toLowerCase(Locale.ROOT));
    }

    private StopWords() {}
  }
}
