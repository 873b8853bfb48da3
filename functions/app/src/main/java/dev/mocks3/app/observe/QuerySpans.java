package dev.mocks3.app.observe;

import dev.mocks3.core.observe.RequestTracing;
import io.micrometer.tracing.Span;
import io.r2dbc.proxy.core.QueryExecutionInfo;
import io.r2dbc.proxy.listener.ProxyExecutionListener;

/**
 * A span per PostgreSQL statement run for a traced request ({@code db.query}, with the statement's
 * first line of SQL), beneath the innermost span of that request. Installed only while tracing is on.
 */
final class QuerySpans implements ProxyExecutionListener {
    private static final int MAX_STATEMENT = 300;
    private final RequestTracing tracing;

    QuerySpans(RequestTracing tracing) {
        this.tracing = tracing;
    }

    @Override
    public void beforeQuery(QueryExecutionInfo execution) {
        Span parent = tracing.current();
        if (parent == null) {
            return;
        }
        Span span = tracing.startChild(parent, "db.query");
        span.tag("db.system", "postgresql");
        if (!execution.getQueries().isEmpty()) {
            String sql = execution.getQueries().get(0).getQuery().strip();
            span.tag("db.statement", sql.length() > MAX_STATEMENT ? sql.substring(0, MAX_STATEMENT) + "..." : sql);
        }
        execution.getValueStore().put(Span.class, span);
    }

    @Override
    public void afterQuery(QueryExecutionInfo execution) {
        Span span = execution.getValueStore().get(Span.class, Span.class);
        if (span != null) {
            if (execution.getThrowable() != null) {
                span.error(execution.getThrowable());
            }
            span.end();
        }
    }
}
