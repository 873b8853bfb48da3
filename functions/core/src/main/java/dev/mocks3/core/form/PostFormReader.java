package dev.mocks3.core.form;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

import org.springframework.core.ResolvableType;
import org.springframework.core.codec.DecodingException;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.ReactiveHttpInputMessage;
import org.springframework.http.codec.multipart.FilePartEvent;
import org.springframework.http.codec.multipart.PartEvent;
import org.springframework.http.codec.multipart.PartEventHttpMessageReader;

import dev.mocks3.core.call.S3Request;
import dev.mocks3.core.error.S3Error;
import dev.mocks3.core.error.S3Exception;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Reads a browser form upload ({@code multipart/form-data}) as it streams, with Spring's
 * {@link PartEventHttpMessageReader}: the fields before the part named {@code file} are collected,
 * then the file's bytes are handed on unread, so the upload streams to the blob store. Fields after
 * the file are read and ignored, as S3 does.
 */
public final class PostFormReader {
    static final String FILE = "file";
    /** S3 refuses more than 20 KB of fields before the file. */
    static final int MAX_FIELD_BYTES = 20 * 1024;
    private static final ResolvableType PART_EVENT = ResolvableType.forClass(PartEvent.class);

    private PostFormReader() {
    }

    /** The file part: the name the browser gave it (for {@code ${filename}}) and its bytes, still streaming. */
    public record FormFile(String filename, Flux<DataBuffer> content) {
    }

    /**
     * Reads the fields, then calls {@code onFile} with them and the file; answers what it answers once
     * the rest of the form has been read.
     */
    public static <T> Mono<T> read(S3Request request, BiFunction<FormFields, FormFile, Mono<T>> onFile) {
        return Mono.defer(() -> {
            MediaType type = formType(request.header(HttpHeaders.CONTENT_TYPE));
            PartEventHttpMessageReader reader = new PartEventHttpMessageReader();
            reader.setMaxInMemorySize(MAX_FIELD_BYTES);
            Flux<PartEvent> events = reader.read(PART_EVENT, new FormMessage(type, request.body()), Map.of());
            Parts<T> parts = new Parts<>(onFile);
            return events.windowUntil(PartEvent::isLast)
                    .concatMap(parts::next)
                    .onErrorMap(PostFormReader::unreadable, PostFormReader::malformed)
                    .reduce((answer, ignored) -> answer)
                    .switchIfEmpty(Mono.error(() -> S3Error.INVALID_ARGUMENT
                            .exception("POST requires exactly one file upload per request.")
                            .with("ArgumentName", FILE).with("ArgumentValue", "0")));
        });
    }

    private static MediaType formType(String contentType) {
        MediaType type = null;
        try {
            type = contentType == null ? null : MediaType.parseMediaType(contentType);
        } catch (InvalidMediaTypeException e) {
            // answered below
        }
        if (type == null || !MediaType.MULTIPART_FORM_DATA.equalsTypeAndSubtype(type)) {
            throw S3Error.PRECONDITION_FAILED.exception()
                    .with("Condition", "Bucket POST must be of the enclosure-type multipart/form-data");
        }
        if (type.getParameter("boundary") == null) {
            throw S3Error.MALFORMED_POST_REQUEST.exception();
        }
        return type;
    }

    private static boolean unreadable(Throwable error) {
        return error instanceof DecodingException || error instanceof DataBufferLimitException;
    }

    private static S3Exception malformed(Throwable error) {
        return error instanceof DataBufferLimitException ? S3Error.MAX_POST_PRE_DATA_LENGTH_EXCEEDED.exception()
                : S3Error.MALFORMED_POST_REQUEST.exception();
    }

    /** The parts of one form, in order: fields until the file, the file, then whatever follows. */
    private static final class Parts<T> {
        private final BiFunction<FormFields, FormFile, Mono<T>> onFile;
        private final List<FormFields.Field> fields = new ArrayList<>();
        private int fieldBytes;
        private boolean fileSeen;

        Parts(BiFunction<FormFields, FormFile, Mono<T>> onFile) {
            this.onFile = onFile;
        }

        Flux<T> next(Flux<PartEvent> part) {
            return part.switchOnFirst((signal, events) -> {
                PartEvent first = signal.get();
                if (first == null || first.name() == null || fileSeen) {
                    return events.doOnNext(event -> DataBufferUtils.release(event.content())).thenMany(Flux.empty());
                }
                if (FILE.equalsIgnoreCase(first.name())) {
                    fileSeen = true;
                    String filename = first instanceof FilePartEvent file ? file.filename() : null;
                    return onFile.apply(FormFields.of(fields), new FormFile(filename, events.map(PartEvent::content)));
                }
                return DataBufferUtils.join(events.map(PartEvent::content), MAX_FIELD_BYTES)
                        .doOnNext(value -> add(first.name(), value))
                        .thenMany(Flux.empty());
            });
        }

        private void add(String name, DataBuffer value) {
            try {
                fieldBytes += name.length() + value.readableByteCount();
                if (fieldBytes > MAX_FIELD_BYTES) {
                    throw S3Error.MAX_POST_PRE_DATA_LENGTH_EXCEEDED.exception();
                }
                fields.add(new FormFields.Field(name, value.toString(StandardCharsets.UTF_8)));
            } finally {
                DataBufferUtils.release(value);
            }
        }
    }

    /** The form as Spring's reader takes it: its type (with the boundary) and its body. */
    private record FormMessage(MediaType type, Flux<DataBuffer> body) implements ReactiveHttpInputMessage {

        @Override
        public HttpHeaders getHeaders() {
            HttpHeaders headers = new HttpHeaders();
            headers.setContentType(type);
            return headers;
        }

        @Override
        public Flux<DataBuffer> getBody() {
            return body;
        }
    }
}
