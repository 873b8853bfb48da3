package dev.mocks3.core.netty;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import dev.mocks3.core.error.S3Error;
import dev.mocks3.core.error.S3Exception;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.DecoderResult;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpStatusClass;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;
import io.netty.util.ReferenceCountUtil;
import reactor.netty.NettyPipeline;

/**
 * Watches one HTTP/1.1 connection: closes it when idle, answers {@code 400 RequestTimeout} when a
 * request's headers take too long or its body stalls, and answers requests the HTTP codec or Spring
 * could not parse with an S3 error document instead of Reactor Netty's empty one. All its state is
 * touched on the connection's event loop only.
 */
final class ExchangeWatch {
    private enum Phase {
        /** No request under way. */
        WAITING,
        /** Bytes of a request head arrived, the head is not complete. */
        HEAD,
        /** Head complete, body still arriving. */
        BODY,
        /** Request read; the application is answering. */
        BUSY
    }

    private final Channel channel;
    private final long idleNanos;
    private final long headerNanos;
    private final long bodyNanos;
    private Phase phase = Phase.WAITING;
    private long phaseStarted = System.nanoTime();
    /** When the server asked for bytes it has not got yet; only meaningful while {@code readPending}. */
    private long readRequestedAt;
    private boolean readPending;
    /** Requests read whose response has not been written completely. */
    private int unanswered;
    private boolean responding;
    private String resource = "/";
    /** This watch answered for the application: what the application writes afterwards is dropped. */
    private boolean refused;
    private ScheduledFuture<?> timer;
    private long timerAt;

    private ExchangeWatch(Channel channel, ConnectionSettings settings) {
        this.channel = channel;
        this.idleNanos = settings.idleTimeout().toNanos();
        this.headerNanos = settings.headerReadTimeout().toNanos();
        this.bodyNanos = settings.bodyReadTimeout().toNanos();
    }

    /** Puts a watch around the HTTP codec of a new connection. */
    static ExchangeWatch install(Channel channel, ConnectionSettings settings) {
        ExchangeWatch watch = new ExchangeWatch(channel, settings);
        channel.pipeline().addBefore(NettyPipeline.HttpCodec, "mocks3.bytesArriving", watch.new BytesArriving());
        channel.pipeline().addAfter(NettyPipeline.HttpCodec, "mocks3.exchangeGuard", watch.new ExchangeGuard());
        watch.arm();
        return watch;
    }

    /** Answers before any request is read (the connection is one too many) and closes. */
    void turnAway(S3Exception error) {
        // a task of its own: it runs once the pipeline is complete, so the reply goes out through the codec
        channel.eventLoop().execute(() -> {
            refused = true;
            S3ErrorReply.sendAndClose(channel.pipeline().context(ExchangeGuard.class), error, "/");
        });
    }

    /** Raw bytes in and read requests out, below the codec: tells a slow client from a busy server. */
    private final class BytesArriving extends ChannelDuplexHandler {
        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            if (msg instanceof ByteBuf bytes && bytes.isReadable()) {
                readPending = false;
                if (phase == Phase.WAITING && unanswered == 0) {
                    enter(Phase.HEAD);
                }
            }
            ctx.fireChannelRead(msg);
        }

        @Override
        public void read(ChannelHandlerContext ctx) {
            if (!readPending) {
                readPending = true;
                readRequestedAt = System.nanoTime();
                arm();
            }
            ctx.read();
        }
    }

    /** Decoded requests in and responses out, above the codec. */
    private final class ExchangeGuard extends ChannelDuplexHandler {
        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            if (refused) {
                ReferenceCountUtil.release(msg);
                return;
            }
            if (msg instanceof HttpRequest request) {
                unanswered++;
                resource = request.decoderResult().isFailure() ? "/" : pathOf(request.uri());
                S3Exception refusal = refusalOf(request);
                if (refusal != null) {
                    ReferenceCountUtil.release(msg);
                    refuse(ctx, refusal);
                    return;
                }
                enter(Phase.BODY);
            }
            if (msg instanceof HttpContent content) {
                if (content.decoderResult().isFailure()) {
                    ReferenceCountUtil.release(msg);
                    refuse(ctx, bodyRefusal(content.decoderResult()));
                    return;
                }
                if (msg instanceof LastHttpContent) {
                    enter(unanswered > 0 ? Phase.BUSY : Phase.WAITING);
                }
            }
            ctx.fireChannelRead(msg);
        }

        @Override
        public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
            if (refused) {
                ReferenceCountUtil.release(msg);
                promise.trySuccess();
                return;
            }
            boolean interim = msg instanceof HttpResponse response
                    && response.status().codeClass() == HttpStatusClass.INFORMATIONAL;
            if (msg instanceof HttpResponse && !interim) {
                responding = true;
            }
            if (msg instanceof LastHttpContent && !interim) {
                ChannelPromise done = promise.unvoid();
                done.addListener(future -> responseWritten());
                ctx.write(msg, done);
                return;
            }
            ctx.write(msg, promise);
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) {
            if (timer != null) {
                timer.cancel(false);
            }
            ctx.fireChannelInactive();
        }
    }

    private void responseWritten() {
        responding = false;
        unanswered = Math.max(0, unanswered - 1);
        if (unanswered == 0 && phase == Phase.BUSY) {
            enter(Phase.WAITING);
        }
    }

    private void enter(Phase next) {
        phase = next;
        phaseStarted = System.nanoTime();
        arm();
    }

    /** Makes sure the timer fires no later than the current deadline; it re-arms itself when early. */
    private void arm() {
        long deadline = deadline();
        if (deadline == Long.MAX_VALUE || (timer != null && timerAt - deadline <= 0)) {
            return;
        }
        if (timer != null) {
            timer.cancel(false);
        }
        timerAt = deadline;
        timer = channel.eventLoop().schedule(this::check, Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
    }

    private long deadline() {
        return switch (phase) {
            case WAITING -> phaseStarted + idleNanos;
            case HEAD -> phaseStarted + headerNanos;
            // late only while the server waits for its bytes (not while it holds the request, nor
            // while a client waits for 100 Continue: the server has not asked to read then)
            case BODY -> readPending ? readRequestedAt + bodyNanos : Long.MAX_VALUE;
            case BUSY -> Long.MAX_VALUE;
        };
    }

    private void check() {
        timer = null;
        long deadline = deadline();
        if (!channel.isActive() || refused || deadline == Long.MAX_VALUE) {
            return;
        }
        if (System.nanoTime() - deadline < 0) {
            arm();
            return;
        }
        switch (phase) {
            case WAITING -> channel.close(); // as S3 does: an idle connection is closed without a word
            case HEAD, BODY -> refuse(channel.pipeline().context(ExchangeGuard.class), S3Error.REQUEST_TIMEOUT.exception());
            case BUSY -> {
            }
        }
    }

    private void refuse(ChannelHandlerContext guard, S3Exception error) {
        refused = true;
        boolean requestAwaitsAnswer = !responding && (phase == Phase.HEAD || unanswered > 0);
        if (requestAwaitsAnswer && guard != null) {
            S3ErrorReply.sendAndClose(guard, error, resource);
        } else {
            channel.close();
        }
    }

    private static S3Exception refusalOf(HttpRequest request) {
        DecoderResult result = request.decoderResult();
        if (result.isFailure()) {
            Throwable cause = result.cause();
            if (cause instanceof TooLongHttpHeaderException) {
                return S3Error.REQUEST_HEADER_SECTION_TOO_LARGE.exception();
            }
            return cause instanceof TooLongHttpLineException ? S3Error.INVALID_URI.exception("The request line is too long.")
                    : S3Error.INVALID_REQUEST.exception("The HTTP request could not be parsed.");
        }
        return parsableBySpring(request.uri()) ? null : S3Error.INVALID_URI.exception();
    }

    private static S3Exception bodyRefusal(DecoderResult result) {
        return result.cause() instanceof TooLongHttpHeaderException
                ? S3Error.REQUEST_HEADER_SECTION_TOO_LARGE.exception()
                : S3Error.INVALID_REQUEST.exception("The chunked transfer encoding of the body is malformed.");
    }

    /** Spring answers an empty 400 to a request URI that java.net.URI refuses (a bad %-escape, a space). */
    private static boolean parsableBySpring(String uri) {
        if (!uri.startsWith("/")) {
            return true; // absolute-form: left to Spring
        }
        try {
            new URI("http://localhost" + uri);
            return true;
        } catch (URISyntaxException e) {
            return false;
        }
    }

    private static String pathOf(String uri) {
        int query = uri.indexOf('?');
        String path = query < 0 ? uri : uri.substring(0, query);
        return path.startsWith("/") ? path : "/";
    }
}
