package dev.mocks3.s3.listing;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.springframework.stereotype.Component;

import dev.mocks3.core.call.S3Call;
import dev.mocks3.core.call.S3Response;
import dev.mocks3.core.error.S3Error;
import dev.mocks3.core.xml.XmlWriter;
import dev.mocks3.s3.OperationFunction;
import dev.mocks3.s3.http.Responses;
import dev.mocks3.s3.object.Lookups;
import dev.mocks3.state.metadata.ObjectLister;
import reactor.core.publisher.Mono;

/** GET /bucket?list-type=2 — paged with opaque continuation tokens; owners only on fetch-owner. */
@Component("listObjectsV2")
public class ListObjectsV2 extends OperationFunction {
    private final Lookups lookups;
    private final ObjectLister lister;

    public ListObjectsV2(Lookups lookups, ObjectLister lister) {
        this.lookups = lookups;
        this.lister = lister;
    }

    @Override
    protected Mono<S3Response> handle(S3Call call) {
        ListingRequest request = ListingRequest.of(call.request());
        String bucket = call.request().bucket();
        String token = call.request().queryParam("continuation-token");
        String startAfter = call.request().queryParam("start-after");
        boolean fetchOwner = "true".equals(call.request().queryParam("fetch-owner"));
        String after = token != null ? decodeToken(token) : startAfter;
        return lookups.bucket(bucket)
                .then(lister.list(bucket, request.prefix(), request.delimiter(), after, request.maxKeys()))
                .map(listing -> {
                    XmlWriter xml = XmlWriter.document("ListBucketResult")
                            .element("Name", bucket)
                            .element("Prefix", request.encode(request.prefix()))
                            .element("MaxKeys", request.maxKeys())
                            .element("KeyCount", listing.contents().size() + listing.commonPrefixes().size())
                            .element("Delimiter", request.encode(request.delimiter()))
                            .element("IsTruncated", listing.truncated())
                            .element("ContinuationToken", token)
                            .element("StartAfter", request.encode(startAfter));
                    if (listing.truncated()) {
                        xml.element("NextContinuationToken", encodeToken(listing.lastReturned()));
                    }
                    ListingXml.entries(xml, listing, request, fetchOwner);
                    return Responses.xml(xml.finishBytes("ListBucketResult"));
                });
    }

    static String encodeToken(String lastReturned) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(("v1:" + lastReturned).getBytes(StandardCharsets.UTF_8));
    }

    static String decodeToken(String token) {
        try {
            String text = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
            if (!text.startsWith("v1:")) {
                throw new IllegalArgumentException();
            }
            return text.substring(3);
        } catch (IllegalArgumentException e) {
            throw S3Error.INVALID_ARGUMENT.exception("The continuation token provided is incorrect")
                    .with("ArgumentName", "continuation-token");
        }
    }
}
