package org.carevoice.anonymisation;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Loads the name lexicon (about 190,000 words, 0.4 s of CPU) on a background thread once the
 * application is ready: start-up does not wait for it (issue 14), and the first story scanned
 * does not either, unless it comes within that moment.
 */
@Component
class NameLexiconWarmUp {

  private static final Logger log = LoggerFactory.getLogger(NameLexiconWarmUp.class);

  @EventListener(ApplicationReadyEvent.class)
  void load() {
    Thread thread = new Thread(() -> {
      long start = System.nanoTime();
      NameLexicon lexicon = NameLexicon.standard();
      log.info("Name lexicon for the identifier scan loaded: {} words, {} KB, {} ms", lexicon.size(),
          lexicon.approximateBytes() / 1024, (System.nanoTime() - start) / 1_000_000);
    }, "name-lexicon-warm-up");
    thread.setDaemon(true);
    thread.setPriority(Thread.MIN_PRIORITY);
    thread.start();
  }
}
