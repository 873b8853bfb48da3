package dev.mocks3.s3.object;

import java.util.List;

import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;

import dev.mocks3.core.call.S3Request;
import dev.mocks3.core.error.S3Error;
import dev.mocks3.s3.http.ByteRange;
import dev.mocks3.state.blob.BlobStore;
import dev.mocks3.state.blob.ComposedBlob;
import dev.mocks3.state.metadata.ObjectRecord;
import reactor.core.publisher.Mono;

/**
 * GetObject's and HeadObject's {@code partNumber}: the bytes of one part of an object uploaded in parts, as a
 * range of the whole object. An object not uploaded in parts has one part, all of it; a part number beyond
 * the object's parts is 400 InvalidPart. An empty last part is an empty range where it starts (the object's
 * end): never the whole object, which a client joining the parts would append a second time.
 */
@Component
public class PartRange {
    public static final String PARTS_COUNT = "x-amz-mp-parts-count";
    private static final String PART_NUMBER = "partNumber";

    private final BlobStore blobs;

    public PartRange(BlobStore blobs) {
        this.blobs = blobs;
    }

    /** The part number a read names, null for none; not an integer in 1..10000, or with a Range too: 400. */
    public static Integer requested(S3Request request) {
        String value = request.queryParam(PART_NUMBER);
        if (value == null) {
            return null;
        }
        int number;
        try {
            number = Integer.parseInt(value.strip());
        } catch (NumberFormatException notANumber) {
            number = 0;
        }
        if (number < 1 || number > 10_000) {
            throw S3Error.INVALID_ARGUMENT.exception("Part number must be an integer between 1 and 10000, inclusive")
                    .with("ArgumentName", PART_NUMBER).with("ArgumentValue", value);
        }
        if (request.header(HttpHeaders.RANGE) != null) {
            throw S3Error.INVALID_REQUEST.exception("Cannot specify both Range header and partNumber query parameter");
        }
        return number;
    }

    /** The object's part count as S3 reports it ({@code x-amz-mp-parts-count}); 0 for an object not uploaded in parts. */
    public static int count(ObjectRecord object) {
        return GetObjectAttributes.partCount(object.etag());
    }

    /** The range of part {@code number} of the object; none for a part of an empty object. */
    public Mono<ByteRange> of(ObjectRecord object, int number) {
        String blob = object.blobSha256();
        if (count(object) == 0 || !ComposedBlob.isComposed(blob)) {
            if (number != 1) {
                return Mono.error(notSatisfiable(number));
            }
            return Mono.justOrEmpty(object.size() == 0 ? null : new ByteRange(0, object.size() - 1, object.size()));
        }
        if (number > count(object)) {
            return Mono.error(notSatisfiable(number));
        }
        return blobs.partsOf(blob).flatMap(parts -> Mono.justOrEmpty(rangeOf(parts, number, object.size())));
    }

    private static ByteRange rangeOf(List<ComposedBlob.Part> parts, int number, long size) {
        if (number > parts.size()) {
            throw notSatisfiable(number);
        }
        long first = 0;
        for (ComposedBlob.Part part : parts.subList(0, number - 1)) {
            first += part.size();
        }
        return size == 0 ? null : ByteRange.ofLength(first, parts.get(number - 1).size(), size);
    }

    private static RuntimeException notSatisfiable(int number) {
        return S3Error.INVALID_PART.exception("The requested partnumber is not satisfiable")
                .with("PartNumberRequested", Integer.toString(number));
    }
}
