package org.carevoice.publicapi;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.carevoice.publicapi.ApiJson.TagGroup;
import org.carevoice.story.StoryTags;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/v1/tags}: the tag codes the stories carry and the filter takes, with their labels. */
@RestController
@Tag(name = "Tags", description = "What was good, what could be improved, how the author felt")
class TagsApiController {

  private final ApiMessages messages;

  TagsApiController(ApiMessages messages) {
    this.messages = messages;
  }

  @GetMapping("/api/v1/tags")
  @Operation(summary = "The tag groups in order, each with its tags and their English labels")
  List<TagGroup> tags() {
    return StoryTags.BY_GROUP.entrySet().stream()
        .map(group -> new TagGroup(group.getKey(), messages.get("tag.group." + group.getKey()),
            group.getValue().stream()
                .map(code -> new ApiJson.Tag(code, messages.get(StoryTags.messageKey(code)))).toList()))
        .toList();
  }
}
