package io.torghut.prober.shared.model;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.List;
import java.util.Optional;

/** One status condition of a Knative or CNPG object, as read. Missing fields are empty strings. */
@RegisterForReflection
public record Condition(String type, String status, String reason, String message) {

    public Condition {
        type = type == null ? "" : type;
        status = status == null ? "" : status;
        reason = reason == null ? "" : reason;
        message = message == null ? "" : message;
    }

    public boolean isTrue() {
        return "True".equals(status);
    }

    /** {@code Ready=False reason=ExitCode1 message="..."}, for evidence lines. */
    public String describe() {
        return type + "=" + status + (reason.isEmpty() ? "" : " reason=" + reason)
                + (message.isEmpty() ? "" : " message=\"" + message + "\"");
    }

    public static Optional<Condition> find(List<Condition> conditions, String type) {
        return conditions.stream().filter(c -> c.type().equals(type)).findFirst();
    }
}
