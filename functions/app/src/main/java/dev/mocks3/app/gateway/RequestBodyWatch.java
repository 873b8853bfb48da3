package dev.mocks3.app.gateway;

import org.springframework.core.io.buffer.DataBuffer;

import dev.mocks3.core.error.S3Error;
import dev.mocks3.core.netty.AfterHttpCodec;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.AttributeKey;
import reactor.core.publisher.Flux;
import reactor.netty.http.server.HttpServer;

/**
 * Tells whether a request body really arrived whole. Reactor Netty ends the body stream normally
 * when the HTTP decoder fails on a malformed chunk (it answers 400 itself) and may do so when the
 * connection closes mid-body; a consumer would then store a cut body. This handler marks the
 * channel when that happens, and {@link #whole} turns such an end into an error.
 */
@ChannelHandler.Sharable
public final class RequestBodyWatch extends ChannelInboundHandlerAdapter {
    private static final RequestBodyWatch INSTANCE = new RequestBodyWatch();
    private static final AttributeKey<BodyState> STATE = AttributeKey.valueOf("mocks3.requestBody");

    private enum BodyState { RECEIVING, COMPLETE, BROKEN }

    private RequestBodyWatch() {
    }

    /** The server, with this handler on every HTTP/1.1 connection it accepts. */
    public static HttpServer on(HttpServer server) {
        return AfterHttpCodec.add(server, "mocks3.requestBodyWatch", INSTANCE);
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        var state = ctx.channel().attr(STATE);
        if (msg instanceof HttpRequest request) {
            state.set(request.decoderResult().isFailure() ? BodyState.BROKEN : BodyState.RECEIVING);
        }
        if (msg instanceof HttpContent content) {
            if (content.decoderResult().isFailure()) {
                state.set(BodyState.BROKEN);
            } else if (msg instanceof LastHttpContent && state.get() != BodyState.BROKEN) {
                state.set(BodyState.COMPLETE);
            }
        }
        ctx.fireChannelRead(msg);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        ctx.channel().attr(STATE).compareAndSet(BodyState.RECEIVING, BodyState.BROKEN);
        ctx.fireChannelInactive();
    }

    /**
     * The body, failing with IncompleteBody instead of ending when fewer bytes than Content-Length
     * arrived, or when the connection's decoder failed or closed before the body's last part.
     *
     * @param channel the request's channel, or null when it is not known (only the length is checked)
     * @param contentLength the declared length, or -1
     */
    public static Flux<DataBuffer> whole(Flux<DataBuffer> body, Channel channel, long contentLength) {
        return Flux.defer(() -> {
            long[] received = {0};
            return body.doOnNext(buffer -> received[0] += buffer.readableByteCount())
                    .concatWith(Flux.defer(() -> {
                        boolean broken = channel != null && channel.attr(STATE).get() == BodyState.BROKEN;
                        if (broken || (contentLength >= 0 && received[0] != contentLength)) {
                            return Flux.error(S3Error.INCOMPLETE_BODY.exception());
                        }
                        return Flux.empty();
                    }));
        });
    }
}
