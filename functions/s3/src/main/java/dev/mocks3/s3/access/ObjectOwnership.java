package dev.mocks3.s3.access;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Who owns an object another account writes into a bucket, as the bucket's Object Ownership says:
 * the bucket owner under BucketOwnerEnforced, and under BucketOwnerPreferred when the writer gives it
 * {@code bucket-owner-full-control}; otherwise (ObjectWriter, or no setting) the writer.
 */
public final class ObjectOwnership {
    private ObjectOwnership() {
    }

    /** The access key (null: anonymous) that owns the object {@code writer} writes into a bucket of {@code bucketOwner}. */
    public static String ownerOfWrite(String writer, String bucketOwner, Optional<String> ownershipDocument,
                                      Optional<CannedAcl> canned) {
        if (ownershipDocument.isEmpty() || bucketOwner.equals(writer)) {
            return writer;
        }
        String ownership = OwnershipControls.parse(ownershipDocument.get().getBytes(StandardCharsets.UTF_8)).objectOwnership();
        boolean toBucketOwner = ownership.equals(OwnershipControls.ENFORCED)
                || ownership.equals("BucketOwnerPreferred") && canned.equals(Optional.of(CannedAcl.BUCKET_OWNER_FULL_CONTROL));
        return toBucketOwner ? bucketOwner : writer;
    }
}
