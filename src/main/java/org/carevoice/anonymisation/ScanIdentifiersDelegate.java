package org.carevoice.anonymisation;

import static org.carevoice.story.StoryLifecycle.Vars.IDENTIFIERS_FOUND;
import static org.carevoice.story.StoryLifecycle.Vars.STORY_ID;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.carevoice.story.StoryService;
import org.springframework.stereotype.Component;

/** Service task "Scan for personal identifiers": stores the findings with the story; the count routes. */
@Component("scanIdentifiersDelegate")
public class ScanIdentifiersDelegate implements JavaDelegate {

  private final StoryService stories;
  private final IdentifierScanner scanner;

  ScanIdentifiersDelegate(StoryService stories, IdentifierScanner scanner) {
    this.stories = stories;
    this.scanner = scanner;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Long storyId = STORY_ID.get(execution);
    ScanResult result = scanner.scan(stories.textToScan(storyId));
    stories.recordFindings(storyId, IdentifierScanner.toJson(result.findings()), result.findings().size());
    IDENTIFIERS_FOUND.set(execution, result.findings().size());
  }
}
