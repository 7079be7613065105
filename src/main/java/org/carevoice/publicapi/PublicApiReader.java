package org.carevoice.publicapi;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.carevoice.organisation.CareService;
import org.carevoice.organisation.Organisation;
import org.carevoice.organisation.OrganisationService;
import org.carevoice.organisation.Site;
import org.carevoice.publicapi.ApiJson.Change;
import org.carevoice.publicapi.ApiJson.Named;
import org.carevoice.publicapi.ApiJson.OrganisationNode;
import org.carevoice.publicapi.ApiJson.Reply;
import org.carevoice.publicapi.ApiJson.ResponseJson;
import org.carevoice.publicapi.ApiJson.ServiceDetail;
import org.carevoice.publicapi.ApiJson.ServiceNode;
import org.carevoice.publicapi.ApiJson.ServiceRef;
import org.carevoice.publicapi.ApiJson.SiteNode;
import org.carevoice.publicapi.ApiJson.StoryDetail;
import org.carevoice.publicapi.ApiJson.StoryPage;
import org.carevoice.publicapi.ApiJson.StorySummary;
import org.carevoice.response.AuthorReply;
import org.carevoice.response.Response;
import org.carevoice.publication.PublishedStoryReader;
import org.carevoice.publication.PublishedStoryReader.StoryList;
import org.carevoice.story.Story;
import org.carevoice.story.StorySearch;
import org.carevoice.story.StorySearchResult;
import org.carevoice.story.StoryService;
import org.carevoice.system.SiteProperties;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads published data and shapes it as the API's JSON, in one read-only transaction per request
 * (the services' sites and organisations load lazily, in batches).
 */
@Service
@Transactional(readOnly = true)
class PublicApiReader {

  static final int EXCERPT_LENGTH = 200;

  private final StoryService stories;
  private final PublishedStoryReader published;
  private final OrganisationService organisation;
  private final SiteProperties site;

  PublicApiReader(StoryService stories, PublishedStoryReader published, OrganisationService organisation,
      SiteProperties site) {
    this.stories = stories;
    this.published = published;
    this.organisation = organisation;
    this.site = site;
  }

  StoryPage stories(StorySearch query, int skip, int take) {
    StoryList list = published.list(query, skip, take);
    StorySearchResult result = list.result();
    List<StorySummary> items = list.cards().stream()
        .map(card -> summary(card.story(), card.answered())).toList();
    return new StoryPage(items, result.total(), result.totalExact(), skip, take);
  }

  Optional<StoryDetail> story(String reference) {
    return published.read(reference).map(page -> {
      Story story = page.story();
      List<Response> answers = page.responses();
      Map<Long, List<Reply>> repliesByResponse = page.replies().stream()
          .collect(Collectors.groupingBy(AuthorReply::getResponseId, LinkedHashMap::new,
              Collectors.mapping(reply -> new Reply(reply.getBody(), reply.getPublishedAt()), Collectors.toList())));
      List<ResponseJson> responseJson = answers.stream().map(response -> new ResponseJson(
          new Named(response.getService().getSlug(), response.getService().getName()), response.getResponderName(),
          response.getResponderRole(), response.getBody(), response.getPublishedAt(), response.daysAfter(story.getPublishedAt()),
          change(response), repliesByResponse.getOrDefault(response.getId(), List.of()))).toList();
      return new StoryDetail(story.getReference(), story.getTitle(), story.getBody(), story.getAuthorPseudonym(),
          story.getRelationship().name(), YearMonth.from(story.getHappenedIn()).toString(), story.getPublishedAt(),
          services(story), List.copyOf(story.getTags()), !answers.isEmpty(), stories.publicUrl(story), responseJson);
    });
  }

  /** Organisations > sites > services, by name; organisations and sites without services too. */
  List<OrganisationNode> servicesTree() {
    Map<Long, List<CareService>> servicesBySite = organisation.allServices().stream()
        .collect(Collectors.groupingBy(service -> service.getSite().getId(), LinkedHashMap::new, Collectors.toList()));
    Map<Long, List<Site>> sitesByOrganisation = organisation.allSites().stream()
        .collect(Collectors.groupingBy(s -> s.getOrganisation().getId(), LinkedHashMap::new, Collectors.toList()));
    List<OrganisationNode> tree = new ArrayList<>();
    for (Organisation org : organisation.allOrganisations()) {
      List<SiteNode> sites = sitesByOrganisation.getOrDefault(org.getId(), List.of()).stream()
          .map(s -> new SiteNode(s.getSlug(), s.getName(), servicesBySite.getOrDefault(s.getId(), List.of()).stream()
              .map(service -> new ServiceNode(service.getSlug(), service.getName(), service.getType().name(),
                  servicePage(service))).toList()))
          .toList();
      tree.add(new OrganisationNode(org.getSlug(), org.getName(), sites));
    }
    return tree;
  }

  Optional<ServiceDetail> service(String slug) {
    return organisation.findBySlug(slug).map(service -> new ServiceDetail(service.getSlug(), service.getName(),
        service.getType().name(), servicePage(service), named(service.getSite()),
        named(service.getSite().getOrganisation()), site.link("/api/v1/stories?service=" + service.getSlug())));
  }

  /** The known services by slug, with their sites and organisations. */
  Map<String, CareService> servicesBySlug() {
    return organisation.allServices().stream()
        .collect(Collectors.toMap(CareService::getSlug, Function.identity(), (a, b) -> a, LinkedHashMap::new));
  }

  private StorySummary summary(Story story, boolean responded) {
    return new StorySummary(story.getReference(), story.getTitle(), excerpt(story.getBody()),
        story.getAuthorPseudonym(), story.getRelationship().name(), YearMonth.from(story.getHappenedIn()).toString(),
        story.getPublishedAt(), services(story), List.copyOf(story.getTags()), responded, stories.publicUrl(story));
  }

  private List<ServiceRef> services(Story story) {
    return story.getServices().stream()
        .map(service -> new ServiceRef(service.getSlug(), service.getName(), named(service.getSite()),
            named(service.getSite().getOrganisation())))
        .toList();
  }

  private String servicePage(CareService service) {
    return site.link("/services/" + service.getSlug());
  }

  private static Named named(Site s) {
    return new Named(s.getSlug(), s.getName());
  }

  private static Named named(Organisation org) {
    return new Named(org.getSlug(), org.getName());
  }

  private static Change change(Response response) {
    String type = response.getChangeType();
    if (!"planned".equals(type) && !"made".equals(type)) {
      return null;
    }
    return new Change(type, response.getChangeDescription());
  }


  /** The start of the text, cut at a word boundary, with an ellipsis when cut. */
  static String excerpt(String body) {
    if (body == null || body.length() <= EXCERPT_LENGTH) {
      return body;
    }
    int cut = body.lastIndexOf(' ', EXCERPT_LENGTH);
    return body.substring(0, cut > 0 ? cut : EXCERPT_LENGTH).stripTrailing() + "…";
  }
}
