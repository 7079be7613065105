package org.carevoice.identity;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Slows down password guessing at every door where staff sign in (the staff site, the JSON API,
 * the engine's REST API, the Camunda webapps), instead of Camunda's own lock, which locks a user
 * for good after ten wrong passwords and so lets anyone lock out any member of staff.
 *
 * <p>Wrong passwords are counted per client address and per user name. Past a few, every attempt
 * from that address, or for that user, is refused for a while that doubles with each further
 * failure, up to a short maximum; nothing is ever locked for good. A sign-in from an address
 * clears that address's count, and makes the address trusted for that user, so that someone
 * else's failures from elsewhere never keep the owner out from where they usually sign in.
 * Administrators are emailed when one user sees a burst of failures ({@link SignInFailuresBurst}).
 *
 * <p>{@link LoginThrottleFilter} binds every request's client address with {@link #requestFrom}
 * and, for a sign-in, asks {@link #refusal} before the door checks the password. The engine's
 * password check ({@link ReportingIdentityService}) refuses on its own for doors the filter does
 * not know ({@link #refuses}) and reports each outcome to {@link #passwordChecked}. Counts live in
 * this node's memory, keyed by SHA-256 hashes (no address or user name in the clear), and are lost
 * on restart.
 */
@Component
class LoginThrottle {

  private static final Logger LOG = LoggerFactory.getLogger(LoginThrottle.class);

  /** Forget what has expired every this many failures. */
  private static final int PURGE_EVERY = 1_000;

  private static final ThreadLocal<ClientRequest> CURRENT = new ThreadLocal<>();

  private final LoginThrottleProperties properties;
  private final Clock clock;
  private final ApplicationEventPublisher events;
  private final Map<String, Failures> addresses = new ConcurrentHashMap<>();
  private final Map<String, Failures> accounts = new ConcurrentHashMap<>();
  /** Trusted (user, address) pairs: when the user last signed in there. */
  private final Map<String, Trust> trusted = new ConcurrentHashMap<>();
  private final AtomicLong failuresSeen = new AtomicLong();

  LoginThrottle(LoginThrottleProperties properties, Clock clock, ApplicationEventPublisher events) {
    this.properties = properties;
    this.clock = clock;
    this.events = events;
  }

  /**
   * Before a password is checked: how long this attempt must wait, if it must. The address's own
   * refusal always applies; the user's applies unless the user signed in from this address lately.
   */
  Optional<Duration> refusal(String address, String account) {
    Instant now = clock.instant();
    Duration wait = waitOf(addresses.get(addressKey(address)), now);
    String accountKey = accountKey(account);
    if (!isTrusted(accountKey, address, now)) {
      Duration accountWait = waitOf(accounts.get(accountKey), now);
      wait = accountWait.compareTo(wait) > 0 ? accountWait : wait;
    }
    return wait.isZero() ? Optional.empty() : Optional.of(wait);
  }

  /**
   * For a password check outside the filter's view (a door it does not know, such as the REST
   * API's {@code /identity/verify}): whether it must be refused, for the client address bound to
   * this thread.
   */
  boolean refuses(String account) {
    ClientRequest request = CURRENT.get();
    return refusal(request == null ? null : request.address, account).isPresent();
  }

  /**
   * Binds a request from the client address to this thread, so that the password checks it makes
   * are counted for that address. Closing it unbinds it, and clears the address's count if the
   * request's password checks all succeeded (a check of someone else's password that fails does
   * not let the caller's own sign-in wipe the count).
   */
  ClientRequest requestFrom(String address) {
    ClientRequest request = new ClientRequest(address);
    CURRENT.set(request);
    return request;
  }

  /**
   * The outcome of a password check, for the request bound to this thread; a check outside any
   * request is counted for the user alone. A request checking one user's password twice is counted
   * once.
   */
  void passwordChecked(String account, boolean correct) {
    ClientRequest request = CURRENT.get();
    String accountKey = accountKey(account);
    if (request != null && !request.firstCheckOf(accountKey, correct)) {
      return;
    }
    String address = request == null ? null : request.address;
    Instant now = clock.instant();
    if (correct) {
      if (address != null) {
        Trust trust = put(trusted, pairKey(accountKey, address), key -> new Trust());
        if (trust != null) {
          trust.signedIn(now);
        }
      }
      return;
    }
    if (failuresSeen.incrementAndGet() % PURGE_EVERY == 0) {
      purge(now);
    }
    if (address != null) {
      Failures fromAddress = put(addresses, addressKey(address), key -> new Failures());
      if (fromAddress != null) {
        fromAddress.fail(now, properties.perAddress());
      }
      Trust trust = trusted.get(pairKey(accountKey, address));
      if (trust != null) {
        trust.failed();
      }
    }
    Failures forAccount = put(accounts, accountKey, key -> new Failures());
    if (forAccount != null) {
      int failures = forAccount.fail(now, properties.perAccount());
      if (forAccount.alertDue(now, failures, properties.alert())) {
        alert(account, failures, forAccount.since());
      }
    }
  }

  private void alert(String account, int failures, Instant since) {
    try {
      events.publishEvent(new SignInFailuresBurst(account, reference(account), failures, since));
    } catch (RuntimeException e) {
      // A failing alert (the database is down) must not turn a wrong password into a 500.
      LOG.error("Could not alert the administrators about failed sign-ins for account ref {}", reference(account), e);
    }
  }

  private boolean isTrusted(String accountKey, String address, Instant now) {
    if (address == null) {
      return false;
    }
    Trust trust = trusted.get(pairKey(accountKey, address));
    return trust != null && trust.holds(now, properties.trustAddressFor(), properties.perAccount().freeFailures());
  }

  private static Duration waitOf(Failures failures, Instant now) {
    return failures == null ? Duration.ZERO : failures.waitAt(now);
  }

  /** Adds a key unless the map is full even after forgetting what has expired; then null. */
  private <T> T put(Map<String, T> map, String key, Function<String, T> create) {
    T existing = map.get(key);
    if (existing != null) {
      return existing;
    }
    if (map.size() >= properties.maxTracked()) {
      purge(clock.instant());
      if (map.size() >= properties.maxTracked()) {
        LOG.warn("Sign-in throttle: {} entries tracked, the most kept (carevoice.login-throttle.max-tracked);"
            + " a new one is not counted", map.size());
        return null;
      }
    }
    return map.computeIfAbsent(key, create);
  }

  private void purge(Instant now) {
    addresses.values().removeIf(failures -> failures.forgotten(now, properties.perAddress()));
    accounts.values().removeIf(failures -> failures.forgotten(now, properties.perAccount()));
    trusted.values().removeIf(trust -> !trust.holds(now, properties.trustAddressFor(), Integer.MAX_VALUE));
  }

  /**
   * The key of a client address. IPv6 clients are counted per /64 network, the block one home or
   * office line gets, so that stepping through the addresses of one's own network does not escape.
   */
  static String addressKey(String address) {
    if (address == null) {
      return hash("address:");
    }
    String network = address.strip();
    if (network.indexOf(':') >= 0) {
      try {
        String literal = network.startsWith("[") ? network : "[" + network.replaceFirst("%.*$", "") + "]";
        // A bracketed literal is parsed, never looked up in DNS.
        InetAddress parsed = InetAddress.getByName(literal);
        if (parsed instanceof Inet6Address) {
          network = HexFormat.of().formatHex(parsed.getAddress(), 0, 8) + "::/64";
        } else if (parsed instanceof Inet4Address) {
          network = parsed.getHostAddress();
        }
      } catch (UnknownHostException e) {
        // Not an address: counted as written.
      }
    }
    return hash("address:" + network.toLowerCase(Locale.ROOT));
  }

  /** User names are compared without case, as some directories do (LDAP). */
  static String accountKey(String account) {
    return hash("account:" + (account == null ? "" : account.strip().toLowerCase(Locale.ROOT)));
  }

  private static String pairKey(String accountKey, String address) {
    return hash(accountKey + "@" + addressKey(address));
  }

  /** A short reference to a user name for logs, where the name itself is not written. */
  static String reference(String account) {
    return accountKey(account).substring(0, 10);
  }

  private static String hash(String value) {
    try {
      MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(sha256.digest(value.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** One request from a client address, and the password checks it made. */
  final class ClientRequest implements AutoCloseable {
    private final String address;
    private final Set<String> checked = new HashSet<>(2);
    private boolean anyWrong;

    private ClientRequest(String address) {
      this.address = address;
    }

    /** True the first time this request checks this user's password. */
    private boolean firstCheckOf(String accountKey, boolean correct) {
      anyWrong |= !correct;
      return checked.add(accountKey);
    }

    @Override
    public void close() {
      CURRENT.remove();
      if (!checked.isEmpty() && !anyWrong && address != null) {
        addresses.remove(addressKey(address));
      }
    }
  }

  /** Wrong passwords in a row from one address, or for one user. */
  private static final class Failures {
    private int count;
    private Instant since;
    private Instant last;
    private Instant refusedUntil;
    private Instant alerted;

    /** Counts a failure; returns the count. */
    synchronized int fail(Instant now, LoginThrottleProperties.Limit limit) {
      if (forgotten(now, limit)) {
        count = 0;
        refusedUntil = null;
      }
      if (count == 0) {
        since = now;
      }
      count++;
      last = now;
      Duration delay = limit.delayAfter(count);
      if (!delay.isZero()) {
        refusedUntil = now.plus(delay);
      }
      return count;
    }

    synchronized Duration waitAt(Instant now) {
      return refusedUntil == null || !refusedUntil.isAfter(now) ? Duration.ZERO : Duration.between(now, refusedUntil);
    }

    synchronized boolean forgotten(Instant now, LoginThrottleProperties.Limit limit) {
      return last != null && !now.isBefore(last.plus(limit.forgetAfter()));
    }

    synchronized boolean alertDue(Instant now, int failures, LoginThrottleProperties.Alert alert) {
      if (failures < alert.failures() || (alerted != null && now.isBefore(alerted.plus(alert.interval())))) {
        return false;
      }
      alerted = now;
      return true;
    }

    synchronized Instant since() {
      return since;
    }
  }

  /** A user's sign-in from an address, and the wrong passwords for that user from there since. */
  private static final class Trust {
    private Instant signedIn;
    private int failuresSince;

    synchronized void signedIn(Instant now) {
      signedIn = now;
      failuresSince = 0;
    }

    synchronized void failed() {
      failuresSince++;
    }

    /**
     * Lately signed in, and fewer wrong passwords since than the account allows: someone guessing
     * from the owner's own address (a shared hospital network) loses the exemption.
     */
    synchronized boolean holds(Instant now, Duration trustFor, int maxFailures) {
      return signedIn != null && now.isBefore(signedIn.plus(trustFor)) && failuresSince < maxFailures;
    }
  }
}
