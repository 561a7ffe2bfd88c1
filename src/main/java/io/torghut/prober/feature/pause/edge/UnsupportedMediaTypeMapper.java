package io.torghut.prober.feature.pause.edge;

import io.torghut.prober.feature.pause.model.PauseRecords;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * The 415 that RESTEasy itself raises before /pause runs (a Content-Type that is not a media type at all, such as
 * {@code json}), as the same JSON error body as {@link PauseResource}'s own 415 instead of an empty answer.
 */
@Provider
public class UnsupportedMediaTypeMapper implements ExceptionMapper<NotSupportedException> {
    @Override
    public Response toResponse(NotSupportedException exception) {
        return Response.status(415).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(new PauseRecords.Error("unsupported_media_type", "the body must be application/json")).build();
    }
}
