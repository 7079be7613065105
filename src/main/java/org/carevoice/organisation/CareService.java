package org.carevoice.organisation;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

/**
 * A service a story can be about: a ward, a department or a team. It names the Camunda groups
 * of the staff who answer its stories and of its managers.
 */
@Entity
@Table(name = "care_service")
public class CareService {

  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "care_service_seq")
  @SequenceGenerator(name = "care_service_seq", sequenceName = "care_service_seq", allocationSize = 1)
  private Long id;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "site_id")
  private Site site;

  @Column(nullable = false, unique = true, length = 120)
  private String slug;

  @Column(nullable = false, length = 200)
  private String name;

  @Enumerated(EnumType.STRING)
  @Column(name = "service_type", nullable = false, length = 40)
  private ServiceType type;

  @Column(name = "responder_group", nullable = false, length = 64)
  private String responderGroup;

  @Column(name = "manager_group", nullable = false, length = 64)
  private String managerGroup;

  protected CareService() {}

  public CareService(Site site, String slug, String name, ServiceType type, String responderGroup, String managerGroup) {
    this.site = site;
    this.slug = slug;
    this.name = name;
    this.type = type;
    this.responderGroup = responderGroup;
    this.managerGroup = managerGroup;
  }

  /** As read for the cached tree ({@link OrganisationTree}): a detached copy of a row. */
  CareService(Long id, Site site, String slug, String name, ServiceType type, String responderGroup,
      String managerGroup) {
    this(site, slug, name, type, responderGroup, managerGroup);
    this.id = id;
  }

  public Long getId() {
    return id;
  }

  public Site getSite() {
    return site;
  }

  public String getSlug() {
    return slug;
  }

  public String getName() {
    return name;
  }

  public ServiceType getType() {
    return type;
  }

  public String getResponderGroup() {
    return responderGroup;
  }

  public String getManagerGroup() {
    return managerGroup;
  }

  /** "Emergency Department, University Hospital Hairmyres": how staff and readers name it. */
  public String getFullName() {
    return name + ", " + site.getName();
  }
}
