package dev.mocks3.core.routing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import dev.mocks3.core.routing.S3Operation.Trait;

class S3OperationTraitsTest {

    @Test
    void onlyObjectBodyOperationsStreamAnUploadToTheBlobStore() {
        assertThat(S3Operation.with(Trait.UPLOADS_BODY)).containsExactlyInAnyOrder(S3Operation.PUT_OBJECT, S3Operation.POST_OBJECT,
                S3Operation.UPLOAD_PART);
    }

    @Test
    void everyOperationThatUploadsABodyMovesBytes() {
        assertThat(S3Operation.with(Trait.MOVES_BYTES)).containsAll(S3Operation.with(Trait.UPLOADS_BODY));
    }

    @Test
    void readsWritesAndListsAreTheObjectOperationsStaleReadsCareAbout() {
        assertThat(S3Operation.with(Trait.READS_OBJECT)).containsExactlyInAnyOrder(S3Operation.GET_OBJECT, S3Operation.HEAD_OBJECT);
        assertThat(S3Operation.with(Trait.LISTS_OBJECTS))
                .containsExactlyInAnyOrder(S3Operation.LIST_OBJECTS, S3Operation.LIST_OBJECTS_V2);
        assertThat(S3Operation.with(Trait.WRITES_OBJECT)).containsExactlyInAnyOrder(S3Operation.PUT_OBJECT,
                S3Operation.POST_OBJECT, S3Operation.COPY_OBJECT, S3Operation.DELETE_OBJECT, S3Operation.COMPLETE_MULTIPART_UPLOAD);
    }

    @Test
    void bucketOperationsHaveNoObjectTraits() {
        for (S3Operation op : new S3Operation[] {S3Operation.LIST_BUCKETS, S3Operation.CREATE_BUCKET, S3Operation.DELETE_BUCKET}) {
            for (Trait trait : Trait.values()) {
                assertThat(op.is(trait)).as(op + " " + trait).isFalse();
            }
        }
    }
}
