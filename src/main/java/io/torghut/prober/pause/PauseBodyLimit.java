package io.torghut.prober.pause;

import io.quarkus.vertx.http.runtime.RouteConstants;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

/**
 * The 413 of /pause for a body declared larger than 1 MiB, as JSON. Quarkus's own limit route
 * ({@code ROUTE_ORDER_UPLOAD_LIMIT}, 10 MiB by default) would answer bodyless and cut the connection; this runs just
 * ahead of it. The declared body is read and discarded (up to {@link #DRAIN_LIMIT}) so the caller gets the answer
 * instead of a broken pipe; bodies without Content-Length are limited by {@link PauseResource} while reading.
 */
@Singleton
public class PauseBodyLimit {
    static final long DRAIN_LIMIT = 64L * 1024 * 1024;
    static final String BODY = "{\"error\":\"payload_too_large\",\"message\":\"the body is larger than 1 MiB\"}";

    void register(@Observes Router router) {
        router.route(HttpMethod.POST, "/pause").order(RouteConstants.ROUTE_ORDER_UPLOAD_LIMIT - 1).handler(this::handle);
    }

    void handle(RoutingContext context) {
        String declared = context.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        if (declared == null || !declared.matches("\\d{1,18}") || Long.parseLong(declared) <= PauseResource.MAX_BODY) {
            context.next();
            return;
        }
        long length = Long.parseLong(declared);
        context.response().setStatusCode(413).putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
                .putHeader(HttpHeaders.CONNECTION, "close");
        if (length > DRAIN_LIMIT) {
            context.response().end(BODY);
            return;
        }
        context.request().handler(ignored -> {
        });
        context.request().endHandler(ignored -> context.response().end(BODY));
        context.request().exceptionHandler(ignored -> context.response().end(BODY));
        context.request().resume();
    }
}
