package io.torghut.prober.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.runtime.annotations.RegisterForReflection;
import io.torghut.prober.feature.diagnose.DiagnosisReport;
import io.torghut.prober.feature.diagnose.FindingsSection;
import io.torghut.prober.feature.pause.rollout.Effectiveness;
import io.torghut.prober.feature.pause.model.PauseRecords;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Every type of ours that Jackson writes into a response must be registered for reflection, or the native executable
 * answers 500 where the JVM answers 200 (it happened: {@code NextStep}, now {@code DiagnosisReport.NextStep}, inside GET /diagnose). Quarkus registers the
 * declared return types of resource methods, but /diagnose and /pause return {@code Response}, and the /diagnose
 * sections are a {@code Map<String, Object>}: nothing is found for them at build time. This walks the records from
 * every root the endpoints serialize (including the section values) down through their components and collection
 * elements. The packaged-app IT then serializes each of them in the native executable itself.
 */
class JsonTypesRegisteredTest {
    /** What GET/POST handlers put into a Response, and the values of the /diagnose sections map. */
    static final List<Class<?>> ROOTS = List.of(DiagnosisReport.class, FindingsSection.Report.class, PauseRecords.Answer.class,
            PauseRecords.View.class, PauseRecords.Error.class, PauseRecords.Action.class, PauseRecords.Pending.class,
            PauseRecords.GitView.class, Effectiveness.class);

    @Test
    void everyTypeReachableFromAResponseIsRegisteredForReflection() {
        Set<Class<?>> reached = reachable(ROOTS);
        Set<String> missing = new TreeSet<>();
        reached.stream().filter(type -> !type.isAnnotationPresent(RegisterForReflection.class)).forEach(type -> missing.add(type.getName()));
        assertEquals(Set.of(), missing, "add @RegisterForReflection to these (reached from " + ROOTS + ")");
        // The walk itself must see through generics and nesting, or the check above could pass by seeing nothing.
        assertTrue(reached.contains(io.torghut.prober.feature.diagnose.DiagnosisReport.NextStep.class), reached::toString);
        assertTrue(reached.contains(io.torghut.prober.feature.runbook.GitOpsStep.class), reached::toString);
        assertTrue(reached.contains(io.torghut.prober.feature.runbook.Severity.class), reached::toString);
    }

    /** Our own types reachable from the roots through record components, type arguments and arrays. */
    static Set<Class<?>> reachable(List<Class<?>> roots) {
        Set<Class<?>> seen = new LinkedHashSet<>();
        Deque<Type> todo = new ArrayDeque<>(roots);
        while (!todo.isEmpty()) {
            Type type = todo.pop();
            if (type instanceof ParameterizedType parameterized) {
                todo.push(parameterized.getRawType());
                List.of(parameterized.getActualTypeArguments()).forEach(todo::push);
            } else if (type instanceof Class<?> c) {
                if (c.isArray()) {
                    todo.push(c.getComponentType());
                } else if (c.getName().startsWith("io.torghut.prober.") && seen.add(c) && c.isRecord()) {
                    for (RecordComponent component : c.getRecordComponents()) {
                        if (!component.isAnnotationPresent(com.fasterxml.jackson.annotation.JsonIgnore.class)
                                && !component.getAccessor().isAnnotationPresent(com.fasterxml.jackson.annotation.JsonIgnore.class)) {
                            todo.push(component.getGenericType());
                        }
                    }
                }
            }
        }
        return seen;
    }
}
