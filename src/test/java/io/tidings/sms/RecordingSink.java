package io.tidings.sms;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import java.util.function.Supplier;

/** An {@link SmsEventSink} that keeps everything it is given, with waits for asynchronous arrivals. */
public final class RecordingSink implements SmsEventSink {

    private final List<DeliveryReport> deliveries = new CopyOnWriteArrayList<>();
    private final List<InboundSms> inbound = new CopyOnWriteArrayList<>();

    @Override
    public void delivery(DeliveryReport report) {
        deliveries.add(report);
    }

    @Override
    public void inbound(InboundSms message) {
        inbound.add(message);
    }

    public List<DeliveryReport> deliveries() {
        return List.copyOf(deliveries);
    }

    public List<InboundSms> inbound() {
        return List.copyOf(inbound);
    }

    public void clear() {
        deliveries.clear();
        inbound.clear();
    }

    /** The first report for {@code providerMessageId} with {@code status}, waiting up to {@code timeout}. */
    public DeliveryReport awaitDelivery(String providerMessageId, DeliveryReport.Status status, Duration timeout) {
        return await(() -> deliveries.stream()
                .filter(r -> r.providerMessageId().equals(providerMessageId) && r.status() == status)
                .findFirst(), timeout, "a " + status + " report for " + providerMessageId + "; got " + deliveries);
    }

    /** The first inbound message matching {@code which}, waiting up to {@code timeout}. */
    public InboundSms awaitInbound(Predicate<InboundSms> which, Duration timeout) {
        return await(() -> inbound.stream().filter(which).findFirst(), timeout,
                "an inbound message; got " + inbound);
    }

    /** Polls {@code probe} until it yields a value; fails the test with {@code what} after {@code timeout}. */
    public static <T> T await(Supplier<Optional<T>> probe, Duration timeout, String what) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            Optional<T> value = probe.get();
            if (value.isPresent()) {
                return value.get();
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("waited " + timeout + " for " + what);
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted waiting for " + what, e);
            }
        }
    }
}
