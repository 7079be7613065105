package org.carevoice.response;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface SubscriptionRepository extends JpaRepository<Subscription, Long> {

  List<Subscription> findByUserIdOrderById(String userId);

  Optional<Subscription> findByUserIdAndScopeAndScopeId(String userId, Subscription.Scope scope, Long scopeId);

  /** Subscriptions that cover a service: to it, to its site or to its organisation. */
  @Query("""
      select s from Subscription s where s.minCriticality <= :criticality and (
        (s.scope = org.carevoice.response.Subscription.Scope.SERVICE and s.scopeId = :service)
        or (s.scope = org.carevoice.response.Subscription.Scope.SITE and s.scopeId = :site)
        or (s.scope = org.carevoice.response.Subscription.Scope.ORGANISATION and s.scopeId = :organisation))""")
  List<Subscription> findCovering(@Param("service") Long service, @Param("site") Long site,
      @Param("organisation") Long organisation, @Param("criticality") int criticality);
}
