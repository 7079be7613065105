package org.carevoice.organisation;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

/** A health board or health and social care partnership, e.g. NHS Lanarkshire. */
@Entity
@Table(name = "organisation")
public class Organisation {

  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "organisation_seq")
  @SequenceGenerator(name = "organisation_seq", sequenceName = "organisation_seq", allocationSize = 1)
  private Long id;

  @Column(nullable = false, unique = true, length = 80)
  private String slug;

  @Column(nullable = false, length = 200)
  private String name;

  protected Organisation() {}

  public Organisation(String slug, String name) {
    this.slug = slug;
    this.name = name;
  }

  /** As read for the cached tree ({@link OrganisationTree}): a detached copy of a row. */
  Organisation(Long id, String slug, String name) {
    this(slug, name);
    this.id = id;
  }

  public Long getId() {
    return id;
  }

  public String getSlug() {
    return slug;
  }

  public String getName() {
    return name;
  }
}
