package org.carevoice.story;

import java.time.LocalDate;
import java.util.List;

/** A story as the author submits it, already validated. */
public record NewStory(String title, String body, String authorPseudonym, String authorEmail,
    Relationship relationship, LocalDate happenedIn, List<Long> serviceIds, Channel channel) {}
