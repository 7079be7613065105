package org.carevoice.response;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** The staff page's response form; the same fields as forms/respond-to-story.form. */
public class RespondForm {

  @NotBlank(message = "{respond.form.response.required}")
  @Size(max = Response.BODY_MAX, message = "{respond.form.response.tooLong}")
  private String response;

  @NotBlank(message = "{respond.form.name.required}")
  @Size(max = Response.RESPONDER_NAME_MAX, message = "{respond.form.name.required}")
  private String responderName;

  @NotBlank(message = "{respond.form.role.required}")
  @Size(max = Response.RESPONDER_ROLE_MAX, message = "{respond.form.role.required}")
  private String responderRole;

  @Pattern(regexp = "none|planned|made", message = "{respond.form.change.required}")
  private String change = "none";

  @Size(max = Response.CHANGE_DESCRIPTION_MAX, message = "{respond.form.changeDescription.tooLong}")
  private String changeDescription;

  public String getResponse() {
    return response;
  }

  public void setResponse(String response) {
    this.response = response;
  }

  public String getResponderName() {
    return responderName;
  }

  public void setResponderName(String responderName) {
    this.responderName = responderName;
  }

  public String getResponderRole() {
    return responderRole;
  }

  public void setResponderRole(String responderRole) {
    this.responderRole = responderRole;
  }

  public String getChange() {
    return change;
  }

  public void setChange(String change) {
    this.change = change;
  }

  public String getChangeDescription() {
    return changeDescription;
  }

  public void setChangeDescription(String changeDescription) {
    this.changeDescription = changeDescription;
  }
}
