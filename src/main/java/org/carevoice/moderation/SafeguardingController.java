package org.carevoice.moderation;

import java.security.Principal;
import org.carevoice.identity.StaffDirectory;
import org.carevoice.identity.StaffGroups;
import org.carevoice.story.SafeguardingView;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;

/**
 * {@code /staff/safeguarding/{reference}}: where the safeguarding lead reads a flagged story and
 * finds how to reach its author. Signed-in members of the {@code safeguarding} group only: not
 * moderators, managers or administrators, whose work does not need the author's contact
 * details (an administrator who must see them adds themselves to the group, which Camunda Admin
 * records). Every opening is recorded.
 */
@Controller
class SafeguardingController {

  private final SafeguardingReviews reviews;
  private final StaffDirectory staff;

  SafeguardingController(SafeguardingReviews reviews, StaffDirectory staff) {
    this.reviews = reviews;
    this.staff = staff;
  }

  @GetMapping(SafeguardingReviews.PAGE + "{reference}")
  String show(@PathVariable String reference, Principal user, Model model) {
    if (!staff.isMember(user.getName(), StaffGroups.SAFEGUARDING)) {
      throw new ResponseStatusException(HttpStatus.FORBIDDEN);
    }
    SafeguardingView story = reviews.open(reference, user.getName())
        .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    model.addAttribute("story", story);
    model.addAttribute("taskUrl", reviews.reviewTaskUrl(story.reference()).orElse(null));
    return "staff/safeguarding";
  }
}
