package dev.mocks3.s3.multipart;

import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import dev.mocks3.core.call.S3Call;
import dev.mocks3.core.call.S3Request;
import dev.mocks3.core.call.S3Response;
import dev.mocks3.core.checksum.BodyChecksum;
import dev.mocks3.core.checksum.ChecksumAlgorithm;
import dev.mocks3.s3.OperationFunction;
import dev.mocks3.s3.encryption.ObjectEncryption;
import dev.mocks3.s3.lock.WriteLock;
import dev.mocks3.state.blob.BlobStaging;
import dev.mocks3.state.blob.StagedBlob;
import dev.mocks3.s3.http.Responses;
import dev.mocks3.state.metadata.MultipartStore;
import reactor.core.publisher.Mono;

/**
 * PUT /bucket/key?partNumber=N&uploadId=U — stores one part (replacing an earlier one with that number),
 * with its checksum in the algorithm its upload was created with (answered in x-amz-checksum-*).
 */
@Component("uploadPart")
public class UploadPart extends OperationFunction {
    private final Uploads uploads;
    private final BlobStaging staging;
    private final MultipartStore store;

    public UploadPart(Uploads uploads, BlobStaging staging, MultipartStore store) {
        this.uploads = uploads;
        this.staging = staging;
        this.store = store;
    }

    /**
     * The part's checksum in its upload's algorithm, read once the body has ended (a trailer's value is
     * known only then): the declared one, else the one staging computed beside the write; none for an
     * upload that named no algorithm, as S3 keeps none.
     */
    static Map<String, String> partChecksum(UploadChecksum checksum, BodyChecksum declared, StagedBlob staged) {
        if (checksum.isNone()) {
            return Map.of();
        }
        String value = declared != null ? declared.value().orElseThrow()
                : checksum.algorithm().base64(staged.digests().get(checksum.algorithm()));
        return Map.of(checksum.algorithm().name(), value);
    }

    /** The digests staging must compute besides SHA-256, MD5 and CRC32: the upload's, unless the client declared it. */
    static List<ChecksumAlgorithm> computed(UploadChecksum checksum, boolean declared) {
        return checksum.isNone() || declared ? List.of() : List.of(checksum.algorithm());
    }

    @Override
    protected Mono<S3Response> handle(S3Call call) {
        S3Request request = call.request();
        int partNumber = Uploads.partNumber(request.queryParam("partNumber"));
        return uploads.of(request)
                .flatMap(upload -> {
                    ObjectEncryption.checkRead(upload.draft().headers(), request.headers());
                    WriteLock.checkPart(upload.draft().headers(), request.headers());
                    UploadChecksum checksum = UploadChecksum.of(upload);
                    BodyChecksum declared = BodyChecksum.of(call).orElse(null);
                    boolean computes = checksum.computesFor(declared);
                    BodyChecksum kept = computes ? null : declared;
                    return staging.stage(request.body(), computed(checksum, !computes))
                            .flatMap(staged -> store.putPart(upload.uploadId(), partNumber, staged,
                                    partChecksum(checksum, kept, staged)))
                            // completed or aborted while the part was on its way: its file is gone with it
                            .onErrorMap(MultipartStore.UploadGoneException.class, e -> Uploads.noSuchUpload(request))
                            .map(part -> {
                                S3Response response = Responses.empty(200);
                                response.headers().set("ETag", part.quotedEtag());
                                ObjectEncryption.echo(upload.draft().headers(), response.headers());
                                if (!checksum.isNone()) {
                                    response.headers().set(checksum.algorithm().headerName(),
                                            part.checksums().get(checksum.algorithm().name()));
                                }
                                return response;
                            });
                });
    }
}
