package dev.mocks3.s3.listing;

import org.springframework.stereotype.Component;

import dev.mocks3.core.call.S3Call;
import dev.mocks3.core.call.S3Request;
import dev.mocks3.core.call.S3Response;
import dev.mocks3.core.error.S3Error;
import dev.mocks3.s3.OperationFunction;
import dev.mocks3.s3.http.RequestedVersion;
import dev.mocks3.s3.http.Responses;
import dev.mocks3.s3.object.Lookups;
import dev.mocks3.state.metadata.ObjectVersions;
import dev.mocks3.state.metadata.VersionLister;
import reactor.core.publisher.Mono;

/** GET /bucket?versions — every version and delete marker, paged with key-marker and version-id-marker. */
@Component("listObjectVersions")
public class ListObjectVersions extends OperationFunction {
    private final Lookups lookups;
    private final ObjectVersions versions;
    private final VersionLister lister;

    public ListObjectVersions(Lookups lookups, ObjectVersions versions, VersionLister lister) {
        this.lookups = lookups;
        this.versions = versions;
        this.lister = lister;
    }

    @Override
    protected Mono<S3Response> handle(S3Call call) {
        S3Request request = call.request();
        ListingRequest listing = ListingRequest.of(request);
        String bucket = request.bucket();
        String keyMarker = emptyAsNull(request.queryParam("key-marker"));
        String versionIdMarker = emptyAsNull(request.queryParam("version-id-marker"));
        if (versionIdMarker != null && keyMarker == null) {
            throw S3Error.INVALID_ARGUMENT.exception("A version-id marker cannot be specified without a key marker.")
                    .with("ArgumentName", "version-id-marker").with("ArgumentValue", versionIdMarker);
        }
        RequestedVersion.checked(versionIdMarker);
        Mono<Void> markerExists = versionIdMarker == null ? Mono.empty()
                : versions.find(bucket, keyMarker, versionIdMarker).switchIfEmpty(Mono.error(() ->
                        S3Error.INVALID_ARGUMENT.exception("Invalid version id specified")
                                .with("ArgumentName", "version-id-marker").with("ArgumentValue", versionIdMarker))).then();
        return lookups.bucket(bucket)
                .then(markerExists)
                .then(lister.list(bucket, listing.prefix(), listing.delimiter(), keyMarker, versionIdMarker, listing.maxKeys()))
                .map(page -> Responses.xml(new ListVersionsResult(bucket, listing, keyMarker, versionIdMarker, page).xml()));
    }

    private static String emptyAsNull(String value) {
        return value == null || value.isEmpty() ? null : value;
    }
}
