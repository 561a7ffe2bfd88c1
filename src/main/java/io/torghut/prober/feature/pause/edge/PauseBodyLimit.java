package io.torghut.prober.feature.pause.edge;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import io.quarkus.vertx.http.runtime.RouteConstants;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.HttpVersion;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Bounded work per connection on /pause. A body declared larger than {@link PauseResource#MAX_BODY} gets the 413 JSON
 * answer here at once, ahead of Quarkus's own limit route ({@code ROUTE_ORDER_UPLOAD_LIMIT}, which would answer
 * bodyless); a body without Content-Length that grows larger is cut by {@link PauseResource}, which calls
 * {@link #overflowed}. Either way the connection is then closed as soon as the client has finished sending, or
 * {@link #DRAIN_LIMIT} more bytes were read and discarded, or {@link #LINGER_MILLIS} passed, whichever comes first. The draining only lets a client that sends its whole body before reading see the 413 instead of a
 * reset; it never keeps a connection (keep-alive) nor reads without bound.
 */
@Singleton
public class PauseBodyLimit {
    /** Bytes read and discarded after a 413 before the connection is closed anyway. */
    static final long DRAIN_LIMIT = 16L * 1024 * 1024;
    /** How long a rejected connection may keep sending before it is closed anyway (a slow client holds nothing long). */
    static final long LINGER_MILLIS = 5_000;
    /** The mapper's JSON body for {@link PauseResource#tooLarge()}, written here by hand: this route runs before JAX-RS. */
    public static final String BODY = body(PauseResource.tooLarge());

    void register(@Observes Router router) {
        router.route(HttpMethod.POST, "/pause").order(RouteConstants.ROUTE_ORDER_UPLOAD_LIMIT - 1).handler(this::handle);
    }

    void handle(RoutingContext context) {
        String declared = context.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        if (declared != null && declared.matches("\\d{1,18}") && Long.parseLong(declared) > PauseResource.MAX_BODY) {
            HttpServerResponse response = context.response().setStatusCode(413).putHeader(HttpHeaders.CONTENT_TYPE, "application/json");
            // HTTP/1.x clients learn that the connection ends; in HTTP/2 the header is prohibited (the JDK client
            // rejects such an answer as malformed) and the closing GOAWAY says it instead.
            if (context.request().version() != HttpVersion.HTTP_2) {
                response.putHeader(HttpHeaders.CONNECTION, "close");
            }
            Future<Void> answered = response.end(BODY);
            drainThenClose(context, answered);
            return;
        }
        context.next();
    }

    /**
     * For a body without Content-Length that grew past the limit while {@link PauseResource} read it: the 413 is being
     * written by the exception mapper; the connection closes once it is out and the rest is drained as above.
     */
    static void overflowed(RoutingContext context) {
        Promise<Void> answered = Promise.promise();
        context.addEndHandler(ignored -> answered.tryComplete());
        drainThenClose(context, answered.future());
    }

    /** Once {@code answered}, closes the connection when the client is done, {@link #DRAIN_LIMIT} is read, or time is up. */
    private static void drainThenClose(RoutingContext context, Future<Void> answered) {
        HttpServerRequest request = context.request();
        AtomicBoolean closing = new AtomicBoolean();
        AtomicLong timer = new AtomicLong(-1);
        Runnable close = () -> {
            if (closing.compareAndSet(false, true)) {
                // Read nothing more while the answer is still being written (slow on a loaded machine): the drain
                // limit bounds what is read, not what is read before the 413 is out.
                if (!request.isEnded()) {
                    request.pause(); // an ended request throws "Request has already been read"
                }
                context.vertx().cancelTimer(timer.get());
                answered.onComplete(ignored -> request.connection().close());
            }
        };
        timer.set(context.vertx().setTimer(LINGER_MILLIS, ignored -> close.run()));
        AtomicLong drained = new AtomicLong();
        request.handler(chunk -> {
            if (drained.addAndGet(chunk.length()) > DRAIN_LIMIT) {
                close.run();
            }
        });
        request.endHandler(ignored -> close.run());
        request.exceptionHandler(ignored -> close.run());
        if (request.isEnded()) {
            close.run();
        } else {
            request.resume();
        }
    }

    private static String body(PauseProblem problem) {
        JsonStringEncoder json = JsonStringEncoder.getInstance();
        return "{\"error\":\"" + new String(json.quoteAsString(problem.code())) + "\",\"message\":\""
                + new String(json.quoteAsString(problem.getMessage())) + "\"}";
    }
}
