package dev.mocks3.s3.access;

import java.util.Map;
import java.util.TreeMap;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import dev.mocks3.core.call.S3Call;
import dev.mocks3.core.call.S3Request;
import dev.mocks3.core.call.S3Response;
import dev.mocks3.core.error.S3Error;
import dev.mocks3.s3.OperationFunction;
import dev.mocks3.s3.config.WritableBuckets;
import dev.mocks3.s3.http.Owner;
import dev.mocks3.s3.http.RequestedVersion;
import dev.mocks3.s3.http.Responses;
import dev.mocks3.s3.http.SmallBody;
import dev.mocks3.s3.object.Lookups;
import dev.mocks3.core.notification.S3EventNames;
import dev.mocks3.state.metadata.VersionHeaders;
import dev.mocks3.state.notification.ChangeCause;
import dev.mocks3.state.notification.ObjectEvents;
import reactor.core.publisher.Mono;

/**
 * PUT /bucket/key?acl — the ACL of the object (or of the version {@code versionId}) from x-amz-acl,
 * x-amz-grant-* or an AccessControlPolicy body.
 */
@Component("putObjectAcl")
public class PutObjectAcl extends OperationFunction {
    private final WritableBuckets buckets;
    private final Lookups lookups;
    private final VersionHeaders versions;
    private final ObjectEvents events;
    private final KnownAccounts accounts;

    public PutObjectAcl(WritableBuckets buckets, Lookups lookups, VersionHeaders versions, ObjectEvents events,
                        ObjectProvider<KnownAccounts> accounts) {
        this.buckets = buckets;
        this.lookups = lookups;
        this.versions = versions;
        this.events = events;
        this.accounts = accounts.getIfAvailable(() -> KnownAccounts.ANY);
    }

    @Override
    protected Mono<S3Response> handle(S3Call call) {
        S3Request request = call.request();
        String versionId = RequestedVersion.of(request);
        return buckets.of(request.bucket()).flatMap(bucket -> lookups.object(request.bucket(), request.key(), versionId)
                .flatMap(object -> SmallBody.read(request.body()).flatMap(body -> {
                    RequestedAcl requested = RequestedAcl.read(request.headers(), body, Owner.of(object.owner()),
                            Owner.of(bucket.bucket().owner())).checkedAgainst(bucket.documents()).checkedAgainst(accounts);
                    return store(call, versionId, requested.acl().xml());
                })))
                .map(updated -> {
                    if (!updated) { // deleted since it was looked up
                        throw S3Error.NO_SUCH_KEY.at(request.resource()).with("Key", request.key());
                    }
                    return Responses.empty(200);
                });
    }

    /** Stores the ACL among the version's headers; its notification ({@code s3:ObjectAcl:Put}) goes in the same transaction. */
    private Mono<Boolean> store(S3Call call, String versionId, String acl) {
        S3Request request = call.request();
        return versions.changeOf(request.bucket(), request.key(), versionId, stored -> {
            Map<String, String> headers = new TreeMap<>(stored.headers());
            headers.put(ObjectAcl.HEADER, acl);
            return headers;
        }, changed -> events.changed(changed, ChangeCause.of(call, S3EventNames.OBJECT_ACL_PUT)))
                .map(version -> !version.deleteMarker()).defaultIfEmpty(false);
    }
}
