package io.torghut.prober.adapter.kubernetes;

import io.torghut.prober.shared.model.AccessProblem;
/** A Kubernetes read that failed, classified. Never thrown past the readers: it becomes an {@link AccessProblem}. */
public final class ReadFailure extends Exception {
    private final transient AccessProblem problem;

    public ReadFailure(AccessProblem problem) {
        super(problem.describe(), null, false, false);
        this.problem = problem;
    }

    public AccessProblem problem() {
        return problem;
    }
}
