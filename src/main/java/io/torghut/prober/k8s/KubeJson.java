package io.torghut.prober.k8s;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;

/** Kubernetes objects as untyped maps, navigated with {@link Fields}: no model classes, nothing for reflection. */
final class KubeJson {
    static final ObjectMapper MAPPER = new ObjectMapper();
    private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() {
    };

    private KubeJson() {
    }

    /** @throws ApiException when the API answered something that is not a JSON object */
    static Map<String, Object> object(String json, String what) {
        try {
            Map<String, Object> parsed = MAPPER.readValue(json, OBJECT);
            if (parsed == null) {
                throw new ApiException(0, what + ": empty answer", null);
            }
            return parsed;
        } catch (JsonProcessingException e) {
            throw new ApiException(0, what + ": not a JSON object (" + e.getOriginalMessage() + ")", null);
        }
    }

    /** The {@code items} of a list answer. */
    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> items(String json, String what) {
        return Fields.list(object(json, what), "items").stream().filter(Map.class::isInstance)
                .map(item -> (Map<String, Object>) item).toList();
    }

    static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
