package dev.mocks3.s3.object;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;

import dev.mocks3.core.call.S3Call;
import dev.mocks3.core.call.S3Request;
import dev.mocks3.core.call.S3Response;
import dev.mocks3.core.checksum.ObjectChecksum;
import dev.mocks3.core.error.S3Error;
import dev.mocks3.core.xml.XmlWriter;
import dev.mocks3.s3.OperationFunction;
import dev.mocks3.s3.encryption.ObjectEncryption;
import dev.mocks3.core.http.HttpDates;
import dev.mocks3.s3.http.ObjectHeaders;
import dev.mocks3.s3.http.RequestedVersion;
import dev.mocks3.s3.http.Responses;
import dev.mocks3.s3.multipart.ListParts;
import dev.mocks3.state.metadata.ObjectRecord;
import reactor.core.publisher.Mono;

/**
 * GET /bucket/key?attributes — what {@code x-amz-object-attributes} asks for of an object (or of the version
 * versionId names): ETag, Checksum, ObjectParts, StorageClass, ObjectSize. ObjectParts gives a multipart
 * object's part count, and its parts (paged by {@code x-amz-part-number-marker} and {@code x-amz-max-parts})
 * when its upload named a checksum algorithm, as S3 lists them only then.
 */
@Component("getObjectAttributes")
public class GetObjectAttributes extends OperationFunction {
    private static final String ATTRIBUTES = "x-amz-object-attributes";

    enum Attribute { ETag, Checksum, ObjectParts, StorageClass, ObjectSize }

    private final Lookups lookups;

    public GetObjectAttributes(Lookups lookups) {
        this.lookups = lookups;
    }

    @Override
    protected Mono<S3Response> handle(S3Call call) {
        S3Request request = call.request();
        Set<Attribute> wanted = attributes(request.headers().get(ATTRIBUTES));
        int maxParts = Math.min(ListParts.number(request.header("x-amz-max-parts"), 1000, "max-parts"), 1000);
        int marker = ListParts.number(request.header("x-amz-part-number-marker"), 0, "part-number-marker");
        String versionId = RequestedVersion.of(request);
        return lookups.object(request.bucket(), request.key(), versionId).map(object -> {
            ObjectEncryption.checkRead(object.headers(), request.headers());
            S3Response response = Responses.xml(xml(object, wanted, marker, maxParts));
            response.headers().set(HttpHeaders.LAST_MODIFIED, HttpDates.format(object.lastModified()));
            if (versionId != null || object.versionId() != null) {
                response.headers().set(ObjectHeaders.VERSION_ID, object.versionIdOrNull());
            }
            return response;
        });
    }

    static Set<Attribute> attributes(List<String> headers) {
        Set<Attribute> wanted = EnumSet.noneOf(Attribute.class);
        if (headers != null) {
            for (String header : headers) {
                for (String name : header.split(",")) {
                    if (name.isBlank()) {
                        continue;
                    }
                    try {
                        wanted.add(Attribute.valueOf(name.strip()));
                    } catch (IllegalArgumentException unknown) {
                        throw S3Error.INVALID_ARGUMENT.exception("Invalid attribute name specified.")
                                .with("ArgumentName", ATTRIBUTES).with("ArgumentValue", name.strip());
                    }
                }
            }
        }
        if (wanted.isEmpty()) {
            throw S3Error.INVALID_REQUEST.exception("The x-amz-object-attributes header specifying the attributes to be "
                    + "retrieved is either missing or empty");
        }
        return wanted;
    }

    private static byte[] xml(ObjectRecord object, Set<Attribute> wanted, int marker, int maxParts) {
        XmlWriter xml = XmlWriter.document("GetObjectAttributesResponse");
        var checksum = ObjectChecksum.from(object.checksums());
        if (wanted.contains(Attribute.ETag)) {
            xml.element("ETag", object.etag());
        }
        if (wanted.contains(Attribute.Checksum) && checksum.isPresent()) {
            checksum.get().writeTo(xml.open("Checksum")).close("Checksum");
        }
        int partCount = partCount(object.etag());
        if (wanted.contains(Attribute.ObjectParts) && partCount > 0) {
            xml.open("ObjectParts").element("PartsCount", partCount);
            List<ObjectChecksum.Part> parts = checksum.map(ObjectChecksum::parts).orElse(List.of());
            if (!parts.isEmpty()) {
                List<ObjectChecksum.Part> after = parts.stream().filter(part -> part.number() > marker).toList();
                List<ObjectChecksum.Part> page = after.subList(0, Math.min(maxParts, after.size()));
                xml.element("PartNumberMarker", marker)
                        .element("NextPartNumberMarker", page.isEmpty() ? marker : page.get(page.size() - 1).number())
                        .element("MaxParts", maxParts).element("IsTruncated", after.size() > page.size());
                String element = checksum.get().algorithm().xmlElement();
                page.forEach(part -> xml.open("Part").element(element, part.value()).element("PartNumber", part.number())
                        .element("Size", part.size()).close("Part"));
            }
            xml.close("ObjectParts");
        }
        if (wanted.contains(Attribute.StorageClass)) {
            xml.element("StorageClass", object.storageClass());
        }
        if (wanted.contains(Attribute.ObjectSize)) {
            xml.element("ObjectSize", object.size());
        }
        return xml.finishBytes("GetObjectAttributesResponse");
    }

    /** The part count a multipart ETag ends with ({@code <md5>-<count>}); 0 for an object not uploaded in parts. */
    static int partCount(String etag) {
        int dash = etag.lastIndexOf('-');
        try {
            return dash < 0 ? 0 : Integer.parseInt(etag.substring(dash + 1));
        } catch (NumberFormatException notMultipart) {
            return 0;
        }
    }
}
