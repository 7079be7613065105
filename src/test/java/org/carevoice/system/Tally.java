package org.carevoice.system;

import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;

/** Counts requests by outcome and keeps the ones that went wrong, for one report at the end. */
final class Tally {

  private final AtomicLong requests = new AtomicLong();
  private final AtomicLong clientErrors = new AtomicLong();
  private final Queue<String> serverErrors = new ConcurrentLinkedQueue<>();
  private final Queue<String> problems = new ConcurrentLinkedQueue<>();

  void count(Visitor.Reply reply) {
    requests.incrementAndGet();
    if (reply.status() >= 500) {
      serverErrors.add(reply.toString());
    } else if (reply.status() >= 400) {
      clientErrors.incrementAndGet();
    }
  }

  /** Something other than a 5xx that must not happen (raw markup echoed, an expression evaluated). */
  void problem(String what) {
    problems.add(what);
  }

  long requests() {
    return requests.get();
  }

  long clientErrors() {
    return clientErrors.get();
  }

  List<String> serverErrors() {
    return List.copyOf(serverErrors);
  }

  List<String> problems() {
    return List.copyOf(problems);
  }
}
