package io.torghut.prober.feature.probe;

import java.util.List;

/**
 * The runner's sink: a result's observation goes to the observation sinks first, then the result (without it) to the
 * signal store. In that order, whatever the store's listeners derive on a change of health (the verdict, the
 * findings) already sees the observation that came with the result.
 */
public final class ObservationsFirst implements ProbeSink {
    private final List<ObservationSink> observations;
    private final ProbeSink results;

    public ObservationsFirst(List<ObservationSink> observations, ProbeSink results) {
        this.observations = List.copyOf(observations);
        this.results = results;
    }

    @Override
    public void accept(ProbeResult result) {
        result.outcome().observation().ifPresent(o -> observations.forEach(sink -> sink.accept(o)));
        results.accept(result.withoutObservation());
    }
}
