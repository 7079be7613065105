package org.carevoice.story;

import java.util.List;

/**
 * What screening looks at: the story's text, whether the honeypot was filled, and the texts of
 * the same author's other stories of the last days (for duplicates).
 */
public record ScreeningSubject(String title, String body, boolean honeypotTripped, List<String> recentTextsBySameAuthor) {}
