package io.torghut.prober.feature.pause.edge;

import io.torghut.prober.feature.pause.model.PauseRecords;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** Every refusal of /pause as a JSON error body with its status. */
@Provider
public class PauseProblemMapper implements ExceptionMapper<PauseProblem> {
    @Override
    public Response toResponse(PauseProblem problem) {
        Response.ResponseBuilder response = Response.status(problem.status()).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(new PauseRecords.Error(problem.code(), problem.getMessage()));
        // A 413 ends the connection (PauseBodyLimit closes it once the answer is out). No "Connection: close" header:
        // on HTTP/2 that header is prohibited, and the JDK client rejects the whole response as malformed.
        return response.build();
    }
}
