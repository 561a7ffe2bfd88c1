package io.torghut.prober.pause;

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
        // A 413 ends the connection (PauseBodyLimit): the client must not pipeline more onto it.
        return (problem.status() == 413 ? response.header("Connection", "close") : response).build();
    }
}
