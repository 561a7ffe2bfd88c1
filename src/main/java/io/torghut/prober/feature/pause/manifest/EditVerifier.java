package io.torghut.prober.feature.pause.manifest;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * The editor's safety net: parses the text before and after the edit, applies the intended change to the "before"
 * data, and refuses unless that equals the "after" data. So a splice at a wrong position can never reach git.
 */
final class EditVerifier {
    private EditVerifier() {
    }

    static void verify(String before, String after, KnativeServiceLocator.Target target, String wanted) throws ManifestRefusal {
        List<Object> expected = load(before);
        List<Object> actual;
        try {
            actual = load(after);
        } catch (RuntimeException unparsable) {
            throw new ManifestRefusal("internal check failed: the edited manifest does not parse; nothing changed");
        }
        Map<String, Object> container = container(expected.get(target.document()), target.index());
        Object env = container.get("env");
        if (env == null) {
            env = new ArrayList<>();
            container.put("env", env);
        }
        @SuppressWarnings("unchecked")
        List<Object> entries = (List<Object>) env;
        boolean found = false;
        for (Object item : entries) {
            if (item instanceof Map<?, ?> map && TradingFlagEditor.VARIABLE.equals(map.get("name"))) {
                @SuppressWarnings("unchecked")
                Map<String, Object> entry = (Map<String, Object>) map;
                entry.put("value", wanted);
                found = true;
            }
        }
        if (!found) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("name", TradingFlagEditor.VARIABLE);
            entry.put("value", wanted);
            entries.add(entry);
        }
        if (!expected.equals(actual)) {
            throw new ManifestRefusal("internal check failed: the edit would change more than " + TradingFlagEditor.VARIABLE
                    + "; nothing changed");
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> container(Object document, int index) {
        Map<String, Object> spec = (Map<String, Object>) ((Map<String, Object>) document).get("spec");
        Map<String, Object> template = (Map<String, Object>) spec.get("template");
        Map<String, Object> podSpec = (Map<String, Object>) template.get("spec");
        return (Map<String, Object>) ((List<Object>) podSpec.get("containers")).get(index);
    }

    private static List<Object> load(String text) {
        List<Object> documents = new ArrayList<>();
        new Load(LoadSettings.builder().build()).loadAllFromString(text).forEach(documents::add);
        return documents;
    }
}
