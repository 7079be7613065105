package org.carevoice.moderation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.carevoice.story.ScreeningSubject;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class StoryScreenerTest {

  private final StoryScreener screener = new StoryScreener();

  private static final String PLAIN = "The nurses on the ward were kind and the doctor explained my treatment clearly. "
      + "The food could have been warmer but I felt well looked after all week.";

  @ParameterizedTest
  @ValueSource(strings = {
      "Some days I just want to end it all after what happened.",
      "I have been self-harming since I came home from the ward.",
      "My husband hits me when I ask about my medication.",
      "Gran was left in soiled sheets for hours and nobody came.",
      "I am not safe at home and the social worker never came back.",
      "I'm going to hurt the nurse who ignored my son.",
      "The carers have neglected my dad for weeks.",
      "I don\u2019t want to live like this any more."})
  void safeguardingPhrases_raiseTheFlag(String sentence) {
    assertThat(screen(PLAIN + " " + sentence).safeguarding()).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "The nurse cut my dressing neatly and changed it every day.",
      "Staff were killing themselves laughing at my terrible jokes, it cheered me up.",
      "I was worried about my mum but she is safe and well at home now."})
  void ordinaryStories_doNotRaiseTheFlag(String sentence) {
    assertThat(screen(PLAIN + " " + sentence).safeguarding()).isFalse();
  }

  @Test
  void abusiveLanguage_isFlagged_evenDisguised() {
    assertThat(screen(PLAIN + " The receptionist was a total b!tch and a f*cking disgrace.").abusive()).isTrue();
    assertThat(screen(PLAIN).abusive()).isFalse();
    assertThat(screen(PLAIN + " I waited in Scunthorpe for the bus.").abusive()).isFalse();
  }

  @Test
  void linksRepetitionAndTheHoneypot_areSpamSignals() {
    assertThat(screen(PLAIN + " Cheap pills at www.example-pharmacy.com today").spam()).isTrue();
    assertThat(screen("Buy now, great offer today!\nBuy now, great offer today!\nBuy now, great offer today!").spam()).isTrue();
    assertThat(screener.screen(new ScreeningSubject("Title", PLAIN, true, List.of())).spam()).isTrue();
    assertThat(screen(PLAIN).spam()).isFalse();
  }

  @Test
  void nearIdenticalStoryBySameAuthor_isADuplicate() {
    String again = PLAIN.replace("kind", "very kind");
    assertThat(screener.screen(new ScreeningSubject("Title", again, false, List.of(PLAIN))).duplicate()).isTrue();
    assertThat(screener.screen(new ScreeningSubject("Title", again, false,
        List.of("A completely different story about the district nurses visiting my house twice a week."))).duplicate())
        .isFalse();
  }

  @Test
  void storyOverTheWordCap_isFlagged() {
    assertThat(screen("word ".repeat(1_001)).tooLong()).isTrue();
    assertThat(screen("word ".repeat(999)).tooLong()).isFalse();
  }

  private StoryScreener.Signals screen(String body) {
    return screener.screen(new ScreeningSubject("A title", body, false, List.of()));
  }
}
