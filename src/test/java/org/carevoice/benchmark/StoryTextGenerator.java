package org.carevoice.benchmark;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * Story-like text with the word statistics of real text: a Zipf distribution over a vocabulary
 * whose most frequent words are real English and care words and whose long tail is made-up words
 * (so a word from the tail is found in only a few dozen stories of 100,000).
 */
final class StoryTextGenerator {

  /** Real words, most frequent first: function words, then the words of stories about care. */
  private static final String[] REAL = ("the and I to was a of my in it that for with me we she he they on at had "
      + "but her his is were not be all very this have so as when there from said about what would could who them "
      + "staff nurse ward doctor care mum dad hospital appointment time day night waiting told felt help treatment "
      + "room team home pain family visit thank again kind after before really nurses always every never service "
      + "hours minutes days week weeks months clinic bed wife husband son daughter patient patients consultant "
      + "surgery operation test tests results letter phone call reception receptionist medication prescription "
      + "discharge discharged admitted emergency department ambulance paramedics midwife baby birth labour scan "
      + "physio physiotherapy therapist carer carers support information explained listened understood worried "
      + "anxious scared grateful thankful frustrated upset angry reassured safe comfortable clean dirty food meal "
      + "tea coffee parking car bus drive walk wheelchair stairs lift toilet shower dressing wound blood pressure "
      + "heart chest breathing infection antibiotics fever cough cancer diabetes dementia stroke fall broken hip "
      + "knee leg arm head back shoulder elderly mother father grandmother grandfather friend neighbour district "
      + "community practice surgery gp health centre outpatients referral referred follow review specialist "
      + "waited hour late early morning afternoon evening weekend monday tuesday wednesday thursday friday "
      + "saturday sunday first second third last next little great good bad better worse best worst quick slow "
      + "busy quiet long short warm cold friendly rude caring professional attentive dignity respect compassion "
      + "communication lost letters records notes computer system booking cancelled rescheduled").split(" ");

  private static final String[] ONSETS = {"b", "c", "d", "f", "g", "h", "j", "k", "l", "m", "n", "p", "r", "s", "t",
      "v", "w", "z", "br", "cl", "dr", "fl", "gr", "pl", "st", "tr", "sh", "ch", "th", "sk"};
  private static final String[] NUCLEI = {"a", "e", "i", "o", "u", "ai", "ea", "oo", "ou", "ie"};
  private static final String[] CODAS = {"", "n", "r", "l", "m", "s", "t", "x", "nd", "rk"};

  private final String[] vocabulary;
  private final double[] cumulative;

  /**
   * @param size words in the vocabulary (real words first, then made-up ones)
   * @param exponent of the Zipf distribution; about 1 for natural language
   */
  StoryTextGenerator(int size, double exponent) {
    Set<String> words = new LinkedHashSet<>(Arrays.asList(REAL));
    Random random = new Random(7);
    while (words.size() < size) {
      StringBuilder word = new StringBuilder();
      int syllables = 2 + random.nextInt(2);
      for (int s = 0; s < syllables; s++) {
        word.append(ONSETS[random.nextInt(ONSETS.length)]).append(NUCLEI[random.nextInt(NUCLEI.length)]);
      }
      word.append(CODAS[random.nextInt(CODAS.length)]);
      words.add(word.toString());
    }
    vocabulary = words.toArray(String[]::new);
    cumulative = new double[vocabulary.length];
    double sum = 0;
    for (int rank = 0; rank < vocabulary.length; rank++) {
      sum += 1 / Math.pow(rank + 1, exponent);
      cumulative[rank] = sum;
    }
    for (int rank = 0; rank < cumulative.length; rank++) {
      cumulative[rank] /= sum;
    }
  }

  /** The word of this frequency rank (0 is the most frequent). */
  String word(int rank) {
    return vocabulary[rank];
  }

  int rankOf(String word) {
    return Arrays.asList(vocabulary).indexOf(word);
  }

  String randomWord(Random random) {
    int rank = Arrays.binarySearch(cumulative, random.nextDouble());
    return vocabulary[rank >= 0 ? rank : Math.min(-rank - 1, vocabulary.length - 1)];
  }

  /** Sentences of 6 to 20 words, in paragraphs of 2 to 6 sentences, about {@code words} words. */
  String text(Random random, int words) {
    StringBuilder text = new StringBuilder(words * 7);
    int written = 0;
    int sentencesInParagraph = 0;
    while (written < words) {
      int length = Math.min(6 + random.nextInt(15), Math.max(1, words - written));
      List<String> sentence = new ArrayList<>(length);
      for (int i = 0; i < length; i++) {
        sentence.add(randomWord(random));
      }
      if (text.length() > 0) {
        text.append(sentencesInParagraph >= 2 + random.nextInt(5) ? "\n\n" : " ");
        if (text.charAt(text.length() - 1) == '\n') {
          sentencesInParagraph = 0;
        }
      }
      text.append(capitalised(String.join(" ", sentence))).append('.');
      sentencesInParagraph++;
      written += length;
    }
    return text.toString();
  }

  /** A title of 3 to 8 words, from the more frequent part of the vocabulary. */
  String title(Random random) {
    int length = 3 + random.nextInt(6);
    List<String> title = new ArrayList<>(length);
    for (int i = 0; i < length; i++) {
      title.add(randomWord(random));
    }
    return capitalised(String.join(" ", title));
  }

  private static String capitalised(String text) {
    return Character.toUpperCase(text.charAt(0)) + text.substring(1);
  }
}
