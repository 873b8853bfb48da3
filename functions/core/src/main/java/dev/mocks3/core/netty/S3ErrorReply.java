package dev.mocks3.core.netty;

import java.time.Instant;

import dev.mocks3.core.call.RequestIds;
import dev.mocks3.core.error.S3Exception;
import dev.mocks3.core.http.HttpDates;
import dev.mocks3.core.xml.ErrorDocument;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;

/**
 * An S3 error document written straight to a connection, for requests refused before Spring sees
 * them (unparsable, too large, too slow, too many connections); the connection is closed after it.
 */
final class S3ErrorReply {
    private S3ErrorReply() {
    }

    static void sendAndClose(ChannelHandlerContext ctx, S3Exception error, String resource) {
        ctx.writeAndFlush(of(error, resource)).addListener(ChannelFutureListener.CLOSE);
    }

    static FullHttpResponse of(S3Exception error, String resource) {
        String requestId = RequestIds.next();
        byte[] document = ErrorDocument.render(error, resource, requestId);
        FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1,
                HttpResponseStatus.valueOf(error.status()), Unpooled.wrappedBuffer(document));
        HttpHeaders headers = response.headers();
        headers.set("x-amz-request-id", requestId);
        headers.set("x-amz-id-2", requestId);
        headers.set(HttpHeaderNames.DATE, HttpDates.format(Instant.now()));
        headers.set(HttpHeaderNames.SERVER, "MockS3");
        headers.set(HttpHeaderNames.CONTENT_TYPE, "application/xml");
        headers.setInt(HttpHeaderNames.CONTENT_LENGTH, document.length);
        headers.set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
        return response;
    }
}
