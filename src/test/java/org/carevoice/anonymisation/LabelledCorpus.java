package org.carevoice.anonymisation;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The labelled corpus in src/test/resources/anonymisation/corpus.txt: passages with their
 * identifiers marked [[TYPE|text]], turned into plain text and exact offsets.
 */
final class LabelledCorpus {

  record Passage(String text, List<Finding> gold) {}

  private static final Pattern MARK = Pattern.compile("\\[\\[([A-Z_]+)\\|(.+?)]]");

  private LabelledCorpus() {}

  static List<Passage> load() throws IOException {
    List<Passage> passages = new ArrayList<>();
    try (InputStream in = LabelledCorpus.class.getResourceAsStream("/anonymisation/corpus.txt")) {
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        if (!line.isBlank() && !line.startsWith("#")) {
          passages.add(parse(line));
        }
      }
    }
    return passages;
  }

  static Passage parse(String line) {
    StringBuilder text = new StringBuilder();
    List<Finding> gold = new ArrayList<>();
    Matcher matcher = MARK.matcher(line);
    int at = 0;
    while (matcher.find()) {
      text.append(line, at, matcher.start());
      int start = text.length();
      text.append(matcher.group(2));
      gold.add(new Finding(FindingType.valueOf(matcher.group(1)), start, text.length(), matcher.group(2), 1.0));
      at = matcher.end();
    }
    text.append(line.substring(at));
    return new Passage(text.toString(), gold);
  }
}
