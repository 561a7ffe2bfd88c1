package io.torghut.prober.adapter.http;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import org.junit.jupiter.api.Test;

class LimitedBodySubscriberTest {

    /** Counts requests and cancellation like the JDK's publisher would see them. */
    static final class FakeSubscription implements Flow.Subscription {
        long requested;
        boolean cancelled;

        @Override public void request(long n) { requested += n; }
        @Override public void cancel() { cancelled = true; }
    }

    private static ByteBuffer bytes(String text) {
        return ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
    }

    private static String body(LimitedBodySubscriber subscriber) throws Exception {
        return new String(subscriber.getBody().toCompletableFuture().get(), StandardCharsets.UTF_8);
    }

    @Test
    void aSmallBodyIsReadWhole() throws Exception {
        LimitedBodySubscriber subscriber = new LimitedBodySubscriber(16);
        FakeSubscription subscription = new FakeSubscription();
        subscriber.onSubscribe(subscription);
        subscriber.onNext(List.of(bytes("{\"status\""), bytes(":\"ok\"}")));
        assertTrue(!subscriber.getBody().toCompletableFuture().isDone());
        subscriber.onComplete();
        assertEquals("{\"status\":\"ok\"}", body(subscriber));
        assertEquals(2, subscription.requested, "one buffer list at a time");
        assertTrue(!subscription.cancelled);
    }

    @Test
    void anEndlessBodyIsCutAtTheLimitAndReadingStops() throws Exception {
        LimitedBodySubscriber subscriber = new LimitedBodySubscriber(10);
        FakeSubscription subscription = new FakeSubscription();
        subscriber.onSubscribe(subscription);
        subscriber.onNext(List.of(bytes("garbage-"), bytes("garbage-"), bytes("garbage-")));
        assertEquals("garbage-ga", body(subscriber));
        assertTrue(subscription.cancelled);
        long requested = subscription.requested;
        subscriber.onNext(List.of(bytes("more that was already in flight")));
        subscriber.onComplete();
        assertEquals("garbage-ga", body(subscriber));
        assertEquals(requested, subscription.requested, "nothing more is asked for");
    }

    @Test
    void exactlyTheLimitCompletes() throws Exception {
        LimitedBodySubscriber subscriber = new LimitedBodySubscriber(3);
        FakeSubscription subscription = new FakeSubscription();
        subscriber.onSubscribe(subscription);
        subscriber.onNext(List.of(bytes("Ok.")));
        assertArrayEquals("Ok.".getBytes(StandardCharsets.UTF_8), subscriber.getBody().toCompletableFuture().get());
    }

    @Test
    void anErrorFailsTheBody() {
        LimitedBodySubscriber subscriber = new LimitedBodySubscriber(10);
        subscriber.onSubscribe(new FakeSubscription());
        subscriber.onError(new IOException("connection reset"));
        ExecutionException e = assertThrows(ExecutionException.class, () -> subscriber.getBody().toCompletableFuture().get());
        assertEquals("connection reset", e.getCause().getMessage());
    }
}
