package dev.mocks3.core.observe;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.context.Context;
import reactor.util.context.ContextView;

/**
 * The spans of the request path: one per S3 or drive request, children for the stages and the
 * blob I/O beneath it. Off (no tracer, or the no-op one) it creates nothing and every method
 * returns its input, so a request without an OTLP endpoint pays one field read.
 * The parent travels in the Reactor context; the request span is also known by request id for
 * code that runs without the context (the fault recorder).
 */
public final class RequestTracing {
    public static final RequestTracing OFF = new RequestTracing(null);
    /** The Reactor context key of the innermost span; also the key of its thread-local copy. */
    private static final String PARENT = "mocks3.span";
    private static final ThreadLocal<Span> CURRENT = new ThreadLocal<>();
    private final Tracer tracer;
    private final Map<String, Span> byRequest = new ConcurrentHashMap<>();

    public RequestTracing(Tracer tracer) {
        this.tracer = tracer == Tracer.NOOP ? null : tracer;
    }

    public boolean on() {
        return tracer != null;
    }

    /** Starts the span of one request; {@link #endRequest} ends it. Null when tracing is off. */
    public Span startRequest(String name, String requestId) {
        if (tracer == null) {
            return null;
        }
        Span span = tracer.spanBuilder().name(name).kind(Span.Kind.SERVER).start();
        if (requestId != null) {
            byRequest.put(requestId, span);
        }
        return span;
    }

    public void endRequest(String requestId, Span span) {
        if (span != null) {
            if (requestId != null) {
                byRequest.remove(requestId);
            }
            span.end();
        }
    }

    /**
     * Makes the innermost span visible as a thread-local on every thread a traced request runs on
     * (Reactor's automatic context propagation), for code that has no Reactor context: the R2DBC
     * query listener. Called only when tracing is on: the hook costs something on every operator.
     */
    public void propagateToThreads() {
        if (tracer == null) {
            return;
        }
        io.micrometer.context.ContextRegistry.getInstance().registerThreadLocalAccessor(PARENT, CURRENT::get, CURRENT::set,
                CURRENT::remove);
        reactor.core.publisher.Hooks.enableAutomaticContextPropagation();
    }

    /** The innermost span on this thread (see {@link #propagateToThreads}), or null. */
    public Span current() {
        return tracer == null ? null : CURRENT.get();
    }

    /** Starts a child span of {@code parent}; the caller ends it. */
    public Span startChild(Span parent, String name) {
        return tracer.nextSpan(parent).name(name).start();
    }

    /** The span of a request under way, or null. */
    public Span ofRequest(String requestId) {
        return tracer == null || requestId == null ? null : byRequest.get(requestId);
    }

    /** The trace id of a request under way, or null. */
    public String traceId(String requestId) {
        Span span = ofRequest(requestId);
        return span == null ? null : span.context().traceId();
    }

    /** A child span of {@code parent} that starts and ends now, carrying {@code tags}: a point event such as an injected fault. */
    public void mark(Span parent, String name, Map<String, String> tags) {
        if (tracer == null || parent == null) {
            return;
        }
        Span child = tracer.nextSpan(parent).name(name).start();
        tags.forEach(child::tag);
        child.end();
    }

    /** The Reactor context under which {@link #child} finds {@code span} as its parent. */
    public static Context withParent(Context context, Span span) {
        return span == null ? context : context.put(PARENT, span);
    }

    /** {@code work} as a request span of its own (a drive request): the parent of the spans beneath it. */
    public <T> Mono<T> request(String name, Mono<T> work) {
        if (tracer == null) {
            return work;
        }
        return Mono.defer(() -> {
            Span span = tracer.spanBuilder().name(name).kind(Span.Kind.SERVER).start();
            return work.doOnError(span::error).doFinally(signal -> span.end())
                    .contextWrite(c -> c.put(PARENT, span));
        });
    }

    /** {@code work} as a child span of the span in its subscriber's context (none: {@code work} as is). */
    public <T> Mono<T> child(String name, Mono<T> work) {
        if (tracer == null) {
            return work;
        }
        return Mono.deferContextual(context -> {
            Span span = childOf(context, name);
            return span == null ? work : work.doOnError(span::error).doFinally(signal -> span.end())
                    .contextWrite(c -> c.put(PARENT, span));
        });
    }

    /** As {@link #child(String, Mono)}, for a stream: the span lasts until the stream ends or is cancelled. */
    public <T> Flux<T> child(String name, Flux<T> work) {
        if (tracer == null) {
            return work;
        }
        return Flux.deferContextual(context -> {
            Span span = childOf(context, name);
            return span == null ? work : work.doOnError(span::error).doFinally(signal -> span.end())
                    .contextWrite(c -> c.put(PARENT, span));
        });
    }

    private Span childOf(ContextView context, String name) {
        Span parent = context.getOrDefault(PARENT, null);
        return parent == null ? null : tracer.nextSpan(parent).name(name).start();
    }
}
