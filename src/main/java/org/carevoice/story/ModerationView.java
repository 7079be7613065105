package org.carevoice.story;

import java.util.List;
import java.util.Set;

/**
 * What staff are shown of a story in a Camunda Form.
 *
 * @param serviceIds the services the story is about now
 * @param signals screening signals in plain words ("possible safeguarding concern"), empty if none
 * @param findingsJson the identifier findings as stored (JSON), or null before the scan
 * @param channel how the story came: the author on the website, or staff by phone or on paper
 */
public record ModerationView(Long id, String reference, String title, String body, String services,
    List<Long> serviceIds, List<String> signals, String findingsJson, Set<String> tags, String moderatedBy,
    Channel channel) {

  /** The title and body as the case scans them for identifiers ({@link StoryService#textToScan(Long)}). */
  public String textToScan() {
    return StoryService.textToScan(title, body);
  }
}
