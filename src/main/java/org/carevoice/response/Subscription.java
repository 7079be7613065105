package org.carevoice.response;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;

/** A member of staff's wish to hear about stories on a service, a site or an organisation. */
@Entity
@Table(name = "subscription")
public class Subscription {

  public enum Scope { SERVICE, SITE, ORGANISATION }

  public enum Delivery { INSTANT, DIGEST }

  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "subscription_seq")
  @SequenceGenerator(name = "subscription_seq", sequenceName = "subscription_seq", allocationSize = 1)
  private Long id;

  @Column(name = "user_id", nullable = false, length = 64)
  private String userId;

  @Enumerated(EnumType.STRING)
  @Column(name = "scope_type", nullable = false, length = 20)
  private Scope scope;

  @Column(name = "scope_id", nullable = false)
  private Long scopeId;

  @Column(name = "min_criticality", nullable = false)
  private int minCriticality;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 10)
  private Delivery delivery;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  protected Subscription() {}

  Subscription(String userId, Scope scope, Long scopeId, int minCriticality, Delivery delivery, Instant now) {
    this.userId = userId;
    this.scope = scope;
    this.scopeId = scopeId;
    this.minCriticality = minCriticality;
    this.delivery = delivery;
    this.createdAt = now;
  }

  void change(int minCriticality, Delivery delivery) {
    this.minCriticality = minCriticality;
    this.delivery = delivery;
  }

  public Long getId() {
    return id;
  }

  public String getUserId() {
    return userId;
  }

  public Scope getScope() {
    return scope;
  }

  public Long getScopeId() {
    return scopeId;
  }

  public int getMinCriticality() {
    return minCriticality;
  }

  public Delivery getDelivery() {
    return delivery;
  }
}
