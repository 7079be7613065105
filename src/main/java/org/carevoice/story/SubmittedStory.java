package org.carevoice.story;

/**
 * What the author is given once a story is accepted.
 *
 * @param reference the public reference
 * @param trackingToken the private token; shown once, emailed once, never stored in clear
 */
public record SubmittedStory(String reference, String trackingToken) {}
