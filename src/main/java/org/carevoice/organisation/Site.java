package org.carevoice.organisation;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

/** A hospital or a community base of an organisation, e.g. University Hospital Hairmyres. */
@Entity
@Table(name = "site")
public class Site {

  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "site_seq")
  @SequenceGenerator(name = "site_seq", sequenceName = "site_seq", allocationSize = 1)
  private Long id;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "organisation_id")
  private Organisation organisation;

  @Column(nullable = false, unique = true, length = 80)
  private String slug;

  @Column(nullable = false, length = 200)
  private String name;

  protected Site() {}

  public Site(Organisation organisation, String slug, String name) {
    this.organisation = organisation;
    this.slug = slug;
    this.name = name;
  }

  /** As read for the cached tree ({@link OrganisationTree}): a detached copy of a row. */
  Site(Long id, Organisation organisation, String slug, String name) {
    this(organisation, slug, name);
    this.id = id;
  }

  public Long getId() {
    return id;
  }

  public Organisation getOrganisation() {
    return organisation;
  }

  public String getSlug() {
    return slug;
  }

  public String getName() {
    return name;
  }
}
