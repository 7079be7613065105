package org.carevoice.story;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** A story's title and text: the author's edit from the private page, and the core of {@link StoryForm}. */
public class EditForm {

  @NotBlank(message = "{story.form.title.required}")
  @Size(max = Story.TITLE_MAX, message = "{story.form.title.tooLong}")
  private String title;

  @NotBlank(message = "{story.form.body.required}")
  @Size(min = 50, max = Story.BODY_MAX, message = "{story.form.body.size}")
  private String body;

  static EditForm of(Story story) {
    EditForm form = new EditForm();
    form.title = story.getTitle();
    form.body = story.getBody();
    return form;
  }

  public String getTitle() {
    return title;
  }

  public void setTitle(String title) {
    this.title = title;
  }

  public String getBody() {
    return body;
  }

  public void setBody(String body) {
    this.body = body;
  }
}
