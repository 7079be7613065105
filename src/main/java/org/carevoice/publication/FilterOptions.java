package org.carevoice.publication;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.carevoice.organisation.CareService;
import org.carevoice.organisation.Organisation;
import org.carevoice.organisation.OrganisationService;
import org.carevoice.organisation.Site;
import org.carevoice.story.StoryTags;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

/**
 * The options of the stories page's filter form (services by site, sites, organisations, tags by
 * group: 120 options), written as HTML once for each organisation tree and not again for every
 * page. Names and labels are escaped here, as Thymeleaf would escape them; a request only marks
 * its chosen option, and only when it is one of the options (a value from the address is never
 * written into the page).
 */
@Component
class FilterOptions {

  private final OrganisationService organisation;
  private final MessageSource messages;
  private volatile Rendered rendered;

  FilterOptions(OrganisationService organisation, MessageSource messages) {
    this.organisation = organisation;
    this.messages = messages;
  }

  /** The options as HTML, with the chosen ones marked. */
  Chosen chosen(BrowseRequest browse) {
    Rendered options = current();
    return new Chosen(select(options.services, browse.getService()), select(options.sites, browse.getSite()),
        select(options.organisations, browse.getOrganisation()), select(options.tags, browse.getTag()));
  }

  /** The four lists of options, for the template (already escaped, written as they are). */
  record Chosen(String services, String sites, String organisations, String tags) {}

  private record Rendered(Map<Organisation, Map<Site, List<CareService>>> tree, String services, String sites,
      String organisations, String tags) {}

  private Rendered current() {
    Map<Organisation, Map<Site, List<CareService>>> tree = organisation.tree();
    Rendered options = rendered;
    if (options == null || options.tree() != tree) {
      options = render(tree);
      rendered = options;
    }
    return options;
  }

  private Rendered render(Map<Organisation, Map<Site, List<CareService>>> tree) {
    StringBuilder services = new StringBuilder();
    StringBuilder sites = new StringBuilder();
    StringBuilder organisations = new StringBuilder();
    tree.forEach((org, sitesOf) -> {
      option(organisations, org.getSlug(), org.getName());
      sitesOf.forEach((site, servicesOf) -> {
        option(sites, site.getSlug(), site.getName());
        services.append("<optgroup label=\"").append(escape(site.getName() + " (" + org.getName() + ")"))
            .append("\">");
        servicesOf.forEach(service -> option(services, service.getSlug(), service.getName()));
        services.append("</optgroup>");
      });
    });
    StringBuilder tags = new StringBuilder();
    StoryTags.BY_GROUP.forEach((group, codes) -> {
      tags.append("<optgroup label=\"").append(escape(message("tag.group." + group))).append("\">");
      codes.forEach(code -> option(tags, code, message(StoryTags.messageKey(code))));
      tags.append("</optgroup>");
    });
    return new Rendered(tree, services.toString(), sites.toString(), organisations.toString(), tags.toString());
  }

  private static void option(StringBuilder html, String value, String label) {
    html.append("<option value=\"").append(escape(value)).append("\">").append(escape(label)).append("</option>");
  }

  /** The options with the one whose value is exactly {@code chosen} marked as selected. */
  private static String select(String options, String chosen) {
    if (chosen == null || chosen.isEmpty()) {
      return options;
    }
    String option = "<option value=\"" + escape(chosen) + "\">";
    int at = options.indexOf(option);
    if (at < 0) {
      return options;
    }
    int end = at + option.length() - 1;
    return options.substring(0, end) + " selected=\"selected\"" + options.substring(end);
  }

  private String message(String key) {
    return messages.getMessage(key, null, Locale.UK);
  }

  private static String escape(String text) {
    return HtmlUtils.htmlEscape(text, "UTF-8");
  }
}
