package io.torghut.prober.shared.model;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.time.Instant;

/**
 * One Kubernetes Event about a revision's pod, Deployment or ReplicaSet (FailedScheduling, FailedMount,
 * FailedCreatePodSandBox, FailedCreate for quota and admission denials), as read. The message is outside text, made
 * safe to print where it is read.
 *
 * @param kind     the involved object's kind ({@code Pod}, {@code ReplicaSet}, ...)
 * @param object   the involved object's name
 * @param type     {@code Warning} or {@code Normal}
 * @param count    how often it was seen (1 when the API does not say)
 * @param lastSeen when it was last seen ({@link Instant#EPOCH} when not reported)
 * @param source   the component that reported it ({@code default-scheduler}, {@code kubelet}, ...)
 */
@RegisterForReflection
public record EventInfo(String kind, String object, String type, String reason, String message, int count, Instant lastSeen,
                        String source) {

    /** {@code event Warning FailedScheduling on Pod p (x3, last 2026-..., default-scheduler): message}. */
    public String describe() {
        return "event " + type + " " + reason + " on " + kind + " " + object + " (x" + count
                + (Instant.EPOCH.equals(lastSeen) ? "" : ", last " + lastSeen) + (source.isEmpty() ? "" : ", " + source) + ")"
                + (message.isEmpty() ? "" : ": " + message);
    }
}
