package dev.mocks3.drive.http;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpHeaders;

import reactor.core.publisher.Flux;

/** What a drive function answers: data for the envelope, or a byte stream (downloads, zips). */
public sealed interface DriveReply {

    static DriveReply data(Object data) {
        return new Data(data, HttpHeaders.EMPTY);
    }

    /** Data for the envelope, and headers to send with it (Server-Timing, for one). */
    record Data(Object data, HttpHeaders headers) implements DriveReply {
    }

    record Stream(HttpHeaders headers, Flux<DataBuffer> body) implements DriveReply {
    }
}
