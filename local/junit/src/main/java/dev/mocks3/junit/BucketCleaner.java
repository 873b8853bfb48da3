package dev.mocks3.junit;

import java.util.List;

import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketAlreadyOwnedByYouException;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.MultipartUpload;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.ObjectIdentifier;
import software.amazon.awssdk.services.s3.model.S3Object;

/** Creates, empties and deletes buckets through S3 itself, as a user's code would. */
final class BucketCleaner {
    private final S3Client s3;

    BucketCleaner(S3Client s3) {
        this.s3 = s3;
    }

    /** Creates the bucket, or empties it when this key already has it. */
    void create(String bucket) {
        try {
            s3.createBucket(b -> b.bucket(bucket));
        } catch (BucketAlreadyOwnedByYouException e) {
            empty(bucket);
        }
    }

    /** Deletes every object and aborts every unfinished multipart upload. */
    void empty(String bucket) {
        try {
            for (MultipartUpload upload : s3.listMultipartUploadsPaginator(b -> b.bucket(bucket)).uploads()) {
                s3.abortMultipartUpload(b -> b.bucket(bucket).key(upload.key()).uploadId(upload.uploadId()));
            }
            String token = null;
            do {
                String page = token;
                ListObjectsV2Response listed = s3.listObjectsV2(b -> b.bucket(bucket).continuationToken(page));
                List<ObjectIdentifier> keys = listed.contents().stream()
                        .map(S3Object::key).map(key -> ObjectIdentifier.builder().key(key).build()).toList();
                if (!keys.isEmpty()) {
                    s3.deleteObjects(b -> b.bucket(bucket).delete(d -> d.objects(keys).quiet(true)));
                }
                token = listed.nextContinuationToken();
            } while (token != null);
        } catch (NoSuchBucketException gone) {
            // nothing to empty
        }
    }

    /** Empties and deletes the bucket; one that is gone already is fine. */
    void delete(String bucket) {
        try {
            empty(bucket);
            s3.deleteBucket(b -> b.bucket(bucket));
        } catch (NoSuchBucketException gone) {
            // deleted by the test itself
        }
    }

    /** Deletes every bucket this key lists (in strict mode: the ones it owns). */
    void deleteAll() {
        s3.listBuckets().buckets().forEach(bucket -> delete(bucket.name()));
    }
}
