package io.torghut.prober.feature.pause.edge;

import io.torghut.prober.feature.pause.decision.PauseService;
import io.torghut.prober.feature.pause.model.PauseRecords;
import io.torghut.prober.feature.pause.record.PauseView;
import io.vertx.ext.web.RoutingContext;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;

/**
 * {@code POST /pause} (Alertmanager webhook v4 or a manual request) and {@code GET /pause} (state, plan, resume diff).
 * Thin: auth, content type, size limit and parsing, then {@link PauseService}. Order of checks: token (401/503),
 * content type (415), size (413), body (400).
 */
@Path("/pause")
public class PauseResource {
    public static final int MAX_BODY = 1024 * 1024;
    private final PauseService service;
    private final BearerAuth auth;
    private final PauseView view;

    public PauseResource(PauseService service, BearerAuth auth, PauseView view) {
        this.service = service;
        this.auth = auth;
        this.view = view;
    }

    @POST
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    public Response pause(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
                          @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
                          @HeaderParam(HttpHeaders.CONTENT_LENGTH) String contentLength, @Context RoutingContext routing,
                          InputStream body) {
        auth.check(authorization);
        if (!json(contentType)) {
            throw new PauseProblem(415, "unsupported_media_type", "the body must be application/json");
        }
        if (contentLength != null && contentLength.matches("\\d{1,18}") && Long.parseLong(contentLength) > MAX_BODY) {
            throw tooLarge();
        }
        PauseRecords.Answer answer = service.handle(PauseRequestParser.parse(read(body, routing)));
        return Response.status(answer.status()).type(MediaType.APPLICATION_JSON_TYPE).entity(answer).build();
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Response state(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        auth.check(authorization);
        return Response.ok(view.view(), MediaType.APPLICATION_JSON_TYPE).build();
    }

    /** {@code application/json} or a {@code +json} type, with or without parameters (charset). */
    static boolean json(String contentType) {
        if (contentType == null) {
            return false;
        }
        String type = contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        return type.equals(MediaType.APPLICATION_JSON) || (type.startsWith("application/") && type.endsWith("+json"));
    }

    /** Reads at most {@link #MAX_BODY} bytes; beyond, the rest is {@link PauseBodyLimit#overflowed drained and cut}. */
    private static byte[] read(InputStream body, RoutingContext routing) {
        if (body == null) {
            return new byte[0];
        }
        try {
            byte[] bytes = body.readNBytes(MAX_BODY + 1);
            if (bytes.length > MAX_BODY) {
                PauseBodyLimit.overflowed(routing);
                throw tooLarge();
            }
            body.close();
            return bytes;
        } catch (IOException e) {
            throw new PauseProblem(400, "bad_request", "the body could not be read");
        }
    }

    /** The one 413 of /pause, whether the size was declared ({@link PauseBodyLimit}) or found while reading. */
    public static PauseProblem tooLarge() {
        return new PauseProblem(413, "payload_too_large", "the body is larger than 1 MiB");
    }
}
