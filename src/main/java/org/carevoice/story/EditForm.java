package org.carevoice.story;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import jakarta.validation.groups.Default;
import java.io.Serializable;

/** A story's title and text: the author's edit from the private page, and the core of {@link StoryForm}. */
public class EditForm implements Serializable {

  private static final long serialVersionUID = 1L;

  @NotBlank(message = "{story.form.title.required}", groups = {Default.class, StoryForm.WhatHappenedStep.class})
  @Size(max = Story.TITLE_MAX, message = "{story.form.title.tooLong}",
      groups = {Default.class, StoryForm.WhatHappenedStep.class})
  private String title;

  @NotBlank(message = "{story.form.body.required}", groups = {Default.class, StoryForm.WhatHappenedStep.class})
  @Size(min = StoryForm.BODY_MIN, max = Story.BODY_MAX, message = "{story.form.body.size}",
      groups = {Default.class, StoryForm.WhatHappenedStep.class})
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
