package org.carevoice.story;

import java.time.Instant;
import java.util.List;

/**
 * What a safeguarding lead is shown of a story: the text as it stands, the screening signals and
 * how to reach the author. Personal data: only for the safeguarding page, never for a variable,
 * a log line or a URL.
 *
 * @param authorName the name the author gave (it may be made up), or null
 * @param authorEmail the author's email address, or null (a story taken by phone or on paper)
 * @param channel how the story reached Carevoice, which says how the author can be reached
 * @param safeguardingDecision the lead's decision, or null while the review is open
 * @param enteredBy the staff user who entered a story taken by phone or on paper, or null
 */
public record SafeguardingView(Long id, String reference, String title, String body, String services,
    List<String> signals, Relationship relationship, String authorName, String authorEmail, Channel channel,
    StoryStatus status, Instant submittedAt, String safeguardingDecision, String enteredBy) {}
