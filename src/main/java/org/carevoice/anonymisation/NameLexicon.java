package org.carevoice.anonymisation;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * What is known about a word, for telling names from words (issue 13): whether it is a given name,
 * a surname, a place, and how common it is as a given name and as an English word. About 190,000
 * words, kept compact: one sorted array of characters searched by halves (about 5 MB of heap
 * instead of about 20 MB as a hash set of strings), loaded on the first scan, not at start-up.
 *
 * <p>Sources (docs/anonymisation.md has their licences and sizes): the hand list
 * {@code first-names.txt} (Scottish and Irish names and spellings), datafaker's given names and
 * surnames of every Latin-script locale, the US Social Security Administration's given names
 * ranked by births since 1930, SCOWL's English and British words with their size level (10 = most
 * common), and {@code places.txt}.
 */
final class NameLexicon {

  static final int HAND_GIVEN = 1;
  static final int GIVEN = 1 << 1;
  static final int SURNAME = 1 << 2;
  static final int PLACE = 1 << 3;
  private static final int WORD_SHIFT = 4;
  private static final int RANK_SHIFT = 8;
  private static final int[] WORD_LEVELS = {0, 10, 20, 35, 40, 50, 55, 60, 70};

  private final char[] keys;
  private final int[] starts;
  private final int[] values;

  private NameLexicon(char[] keys, int[] starts, int[] values) {
    this.keys = keys;
    this.starts = starts;
    this.values = values;
  }

  /** The lexicon the application uses, loaded on first use. */
  static NameLexicon standard() {
    return Standard.LEXICON;
  }

  private static final class Standard {
    static final NameLexicon LEXICON = load(Set.of());
  }

  /**
   * Loads every list; names in {@code without} (lower case) are left out of the name lists, so a
   * test can measure what the context rules find for names nobody listed.
   */
  static NameLexicon load(Set<String> without) {
    Map<String, Integer> entries = new HashMap<>(400_000);
    BiConsumer<String, Integer> add = (word, flags) -> {
      if (!without.contains(word) || (flags & (HAND_GIVEN | GIVEN | SURNAME)) == 0) {
        entries.merge(word, flags, NameLexicon::mergeFlags);
        String plain = plain(word);
        if (!plain.equals(word)) {
          entries.merge(plain, flags, NameLexicon::mergeFlags);
        }
      }
    };
    read("anonymisation/first-names.txt", line -> add.accept(line, HAND_GIVEN | GIVEN));
    read("anonymisation/lists/given-names-datafaker.txt", line -> add.accept(line, GIVEN));
    read("anonymisation/lists/surnames-datafaker.txt", line -> add.accept(line, SURNAME));
    read("anonymisation/places.txt", line -> add.accept(line, PLACE));
    int[] rank = {0};
    read("anonymisation/lists/given-names-ssa-ranked.txt", line -> {
      rank[0]++;
      add.accept(line, GIVEN | (Math.min(rank[0], 0xFFFF) << RANK_SHIFT));
    });
    read("anonymisation/lists/english-words-scowl.txt", line -> {
      int space = line.indexOf(' ');
      int level = Arrays.binarySearch(WORD_LEVELS, Integer.parseInt(line.substring(space + 1)));
      add.accept(line.substring(0, space), Math.max(level, 0) << WORD_SHIFT);
    });
    String[] sorted = entries.keySet().toArray(String[]::new);
    Arrays.sort(sorted);
    int length = Arrays.stream(sorted).mapToInt(String::length).sum();
    char[] keys = new char[length];
    int[] starts = new int[sorted.length + 1];
    int[] values = new int[sorted.length];
    int at = 0;
    for (int i = 0; i < sorted.length; i++) {
      starts[i] = at;
      sorted[i].getChars(0, sorted[i].length(), keys, at);
      at += sorted[i].length();
      values[i] = entries.get(sorted[i]);
    }
    starts[sorted.length] = at;
    return new NameLexicon(keys, starts, values);
  }

  /** Keeps every flag, the best (lowest) rank and the word level. */
  private static int mergeFlags(int a, int b) {
    int flags = (a | b) & 0xF;
    int word = Math.max((a >> WORD_SHIFT) & 0xF, (b >> WORD_SHIFT) & 0xF);
    int rankA = a >>> RANK_SHIFT;
    int rankB = b >>> RANK_SHIFT;
    int rank = rankA == 0 ? rankB : rankB == 0 ? rankA : Math.min(rankA, rankB);
    return flags | (word << WORD_SHIFT) | (rank << RANK_SHIFT);
  }

  /** The flags and ranks of a lower-case word, 0 when unknown. */
  int lookup(String lower) {
    int low = 0;
    int high = values.length - 1;
    while (low <= high) {
      int mid = (low + high) >>> 1;
      int cmp = compare(mid, lower);
      if (cmp < 0) {
        low = mid + 1;
      } else if (cmp > 0) {
        high = mid - 1;
      } else {
        return values[mid];
      }
    }
    return 0;
  }

  private int compare(int index, String word) {
    int start = starts[index];
    int length = starts[index + 1] - start;
    int n = Math.min(length, word.length());
    for (int i = 0; i < n; i++) {
      int diff = keys[start + i] - word.charAt(i);
      if (diff != 0) {
        return diff;
      }
    }
    return length - word.length();
  }

  static boolean has(int entry, int flag) {
    return (entry & flag) != 0;
  }

  /** SCOWL size level of the word (10 = among the most common English words), 0 when not an English word. */
  static int wordLevel(int entry) {
    return WORD_LEVELS[(entry >> WORD_SHIFT) & 0xF];
  }

  /** Popularity rank as a given name (1 = most given), {@link Integer#MAX_VALUE} when not ranked. */
  static int givenRank(int entry) {
    int rank = entry >>> RANK_SHIFT;
    return rank == 0 ? Integer.MAX_VALUE : rank;
  }

  int size() {
    return values.length;
  }

  long approximateBytes() {
    return keys.length * 2L + starts.length * 4L + values.length * 4L;
  }

  /** Lower case without accents: "Amélie" is looked up as "amelie" too. */
  static String plain(String lower) {
    if (isAscii(lower)) {
      return lower;
    }
    String decomposed = Normalizer.normalize(lower, Normalizer.Form.NFD);
    StringBuilder out = new StringBuilder(decomposed.length());
    for (int i = 0; i < decomposed.length(); i++) {
      char c = decomposed.charAt(i);
      if (Character.getType(c) != Character.NON_SPACING_MARK) {
        out.append(c == 'ł' ? 'l' : c);
      }
    }
    return out.toString();
  }

  private static boolean isAscii(String word) {
    for (int i = 0; i < word.length(); i++) {
      if (word.charAt(i) > 127) {
        return false;
      }
    }
    return true;
  }

  private static void read(String resource, java.util.function.Consumer<String> line) {
    try (InputStream in = NameLexicon.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("Missing " + resource);
      }
      BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      for (String l = reader.readLine(); l != null; l = reader.readLine()) {
        String s = l.strip();
        if (!s.isEmpty() && !s.startsWith("#")) {
          line.accept(s.toLowerCase(Locale.ROOT));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
