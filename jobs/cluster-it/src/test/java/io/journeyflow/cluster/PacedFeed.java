package io.journeyflow.cluster;

import io.journeyflow.local.generate.KafkaEventProducer;
import io.journeyflow.schema.CustomerEvent;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Events sent as a live feed sends them: in batches at a steady pace, from a thread of its own, while the test does
 * other things. Events from {@code holdBackFrom} on wait until {@link #release}: the end of the input cannot arrive
 * before the test lets it, so whatever the test does before then happens while input is still arriving.
 */
final class PacedFeed implements AutoCloseable {

    private final List<CustomerEvent> events;
    private final int batchSize;
    private final int holdBackFrom;
    private final KafkaEventProducer producer;
    private final ScheduledExecutorService sender = Executors.newSingleThreadScheduledExecutor();
    private final CompletableFuture<Integer> allSent = new CompletableFuture<>();
    private volatile int sent;
    private volatile boolean released;

    private PacedFeed(String bootstrapServers, String topic, List<CustomerEvent> events, int batchSize,
                      int holdBackFrom) {
        this.events = List.copyOf(events);
        this.batchSize = batchSize;
        this.holdBackFrom = holdBackFrom;
        this.producer = new KafkaEventProducer(bootstrapServers, topic);
    }

    /** Starts sending one batch of {@code batchSize} events every {@code every}. */
    static PacedFeed start(String bootstrapServers, String topic, List<CustomerEvent> events, int batchSize,
                           Duration every, int holdBackFrom) {
        PacedFeed feed = new PacedFeed(bootstrapServers, topic, events, batchSize, holdBackFrom);
        feed.sender.scheduleAtFixedRate(feed::sendBatch, 0, every.toMillis(), TimeUnit.MILLISECONDS);
        return feed;
    }

    /** Events sent and acknowledged by the broker so far. */
    int sent() {
        return sent;
    }

    /** How many events the feed sends in all. */
    int total() {
        return events.size();
    }

    /** Lets the held-back events go, at the same pace. */
    void release() {
        released = true;
    }

    /** Waits until every event is sent; returns how many; rethrows what the sender failed with. */
    int awaitAllSent(Duration wait) throws Exception {
        return allSent.get(wait.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void sendBatch() {
        try {
            int to = Math.min(sent + batchSize, released ? events.size() : holdBackFrom);
            events.subList(sent, to).forEach(producer::send);
            // Acknowledged before counted: while the broker is away this waits, as a real feed's buffer fills up.
            producer.flush();
            sent = to;
            if (to == events.size()) {
                allSent.complete(to);
                sender.shutdown();
            }
        } catch (RuntimeException e) {
            allSent.completeExceptionally(e);
            sender.shutdown();
        }
    }

    @Override
    public void close() throws InterruptedException {
        sender.shutdownNow();
        sender.awaitTermination(1, TimeUnit.MINUTES);
        producer.close();
    }
}
