package dev.mocks3.drive.http;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpHeaders;

import reactor.core.publisher.Flux;

/** What a drive function answers: data for the envelope, or a byte stream (downloads, zips). */
public sealed interface DriveReply {

    static DriveReply data(Object data) {
        return new Data(data);
    }

    record Data(Object data) implements DriveReply {
    }

    record Stream(HttpHeaders headers, Flux<DataBuffer> body) implements DriveReply {
    }
}
