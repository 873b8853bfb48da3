package dev.mocks3.app.observe;

import java.util.function.Supplier;

import dev.mocks3.core.observe.RequestTracing;
import dev.mocks3.state.blob.AheadPublishing;
import dev.mocks3.state.blob.StagedBlob;
import io.micrometer.tracing.Span;

/**
 * A traced PutObject's ahead publishing: each step a span beneath {@code parent}, the span that was current
 * when the write asked for it, so that a traced write takes the same path as an untraced one.
 */
final class TracedAheadPublishing implements AheadPublishing {
    private final AheadPublishing ahead;
    private final RequestTracing tracing;
    private final Span parent;

    TracedAheadPublishing(AheadPublishing ahead, RequestTracing tracing, Span parent) {
        this.ahead = ahead;
        this.tracing = tracing;
        this.parent = parent;
    }

    @Override
    public void publishAhead(StagedBlob staged) {
        traced("blob publish", () -> {
            ahead.publishAhead(staged);
            return null;
        });
    }

    @Override
    public boolean dropIfInPlace(StagedBlob staged) {
        return traced("blob settle", () -> ahead.dropIfInPlace(staged));
    }

    @Override
    public void putBack(StagedBlob staged) {
        traced("blob put back", () -> {
            ahead.putBack(staged);
            return null;
        });
    }

    private <T> T traced(String name, Supplier<T> step) {
        Span span = tracing.startChild(parent, name);
        try {
            return step.get();
        } catch (RuntimeException e) {
            span.error(e);
            throw e;
        } finally {
            span.end();
        }
    }
}
