package dev.mocks3.s3.multipart;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;
import org.w3c.dom.Element;

import dev.mocks3.core.call.S3Call;
import dev.mocks3.core.call.S3Request;
import dev.mocks3.core.call.S3Response;
import dev.mocks3.core.error.S3Error;
import dev.mocks3.core.xml.XmlDocument;
import dev.mocks3.s3.OperationFunction;
import dev.mocks3.s3.http.ObjectHeaders;
import dev.mocks3.s3.http.Preconditions;
import dev.mocks3.s3.http.Responses;
import dev.mocks3.s3.http.SmallBody;
import dev.mocks3.state.blob.BlobStaging;
import dev.mocks3.state.blob.BlobStore;
import dev.mocks3.state.metadata.MultipartStore;
import dev.mocks3.state.metadata.MultipartUpload;
import dev.mocks3.state.metadata.ObjectWriter;
import dev.mocks3.state.metadata.UploadedPart;
import dev.mocks3.state.metadata.WriteCondition;
import reactor.core.publisher.Flux;
import dev.mocks3.core.notification.S3EventNames;
import dev.mocks3.state.notification.ChangeCause;
import reactor.core.publisher.Mono;

/**
 * POST /bucket/key?uploadId=U — joins the listed parts, in order, into the object. Every part
 * but the last must be at least 5 MiB; the ETag is the MD5 of the parts' MD5s, dash, count.
 */
@Component("completeMultipartUpload")
public class CompleteMultipartUpload extends OperationFunction {
    static final long MIN_PART_SIZE = 5L * 1024 * 1024;
    private final Uploads uploads;
    private final MultipartStore store;
    private final BlobStore blobs;
    private final BlobStaging staging;
    private final ObjectWriter writer;

    public CompleteMultipartUpload(Uploads uploads, MultipartStore store, BlobStore blobs, BlobStaging staging,
                                   ObjectWriter writer) {
        this.uploads = uploads;
        this.store = store;
        this.blobs = blobs;
        this.staging = staging;
        this.writer = writer;
    }

    record Requested(int partNumber, String etag) {
    }

    @Override
    protected Mono<S3Response> handle(S3Call call) {
        S3Request request = call.request();
        WriteCondition condition = Preconditions.forWrite(request.headers(), request.key());
        return uploads.of(request).flatMap(upload -> SmallBody.read(request.body())
                .map(CompleteMultipartUpload::parse)
                .flatMap(requested -> store.parts(upload.uploadId(), 0, 10000).collectList()
                        .map(stored -> select(requested, stored)))
                .flatMap(parts -> join(upload, parts, condition,
                        ChangeCause.of(call, S3EventNames.OBJECT_CREATED_COMPLETE_MULTIPART_UPLOAD))))
                .map(object -> {
                    S3Response response = Responses.xml(new CompleteMultipartUploadResult(object.bucket(), object.key(),
                            object.quotedEtag()).xml());
                    ObjectHeaders.versionId(response.headers(), object);
                    return response;
                });
    }

    private Mono<dev.mocks3.state.metadata.ObjectRecord> join(MultipartUpload upload, List<UploadedPart> parts,
                                                             WriteCondition condition, ChangeCause cause) {
        Flux<org.springframework.core.io.buffer.DataBuffer> bytes = Flux.fromIterable(parts)
                .concatMap(part -> blobs.read(part.blobSha256(), 0, part.size()));
        return staging.stage(bytes)
                .flatMap(staged -> writer.write(upload.draft(), staged, multipartEtag(parts), condition, cause))
                .flatMap(object -> store.remove(upload.uploadId()).thenReturn(object));
    }

    static List<Requested> parse(byte[] body) {
        XmlDocument doc = XmlDocument.parse(body);
        if (!"CompleteMultipartUpload".equals(doc.rootName())) {
            throw S3Error.MALFORMED_XML.exception();
        }
        List<Requested> parts = new ArrayList<>();
        for (Element part : XmlDocument.children(doc.root(), "Part")) {
            String number = XmlDocument.childText(part, "PartNumber");
            String etag = XmlDocument.childText(part, "ETag");
            if (number == null || etag == null) {
                throw S3Error.MALFORMED_XML.exception();
            }
            try {
                parts.add(new Requested(Integer.parseInt(number.trim()), etag.trim().replace("\"", "")));
            } catch (NumberFormatException e) {
                throw S3Error.MALFORMED_XML.exception();
            }
        }
        if (parts.isEmpty()) {
            throw S3Error.MALFORMED_XML.exception("You must specify at least one part");
        }
        return parts;
    }

    static List<UploadedPart> select(List<Requested> requested, List<UploadedPart> stored) {
        Map<Integer, UploadedPart> byNumber = stored.stream()
                .collect(Collectors.toMap(UploadedPart::partNumber, Function.identity()));
        List<UploadedPart> chosen = new ArrayList<>();
        int previous = 0;
        for (Requested want : requested) {
            if (want.partNumber() <= previous) {
                throw S3Error.INVALID_PART_ORDER.exception();
            }
            previous = want.partNumber();
            UploadedPart part = byNumber.get(want.partNumber());
            if (part == null || !part.etag().equals(want.etag())) {
                throw S3Error.INVALID_PART.exception().with("PartNumber", Integer.toString(want.partNumber()))
                        .with("ETag", want.etag());
            }
            chosen.add(part);
        }
        for (int i = 0; i < chosen.size() - 1; i++) {
            if (chosen.get(i).size() < MIN_PART_SIZE) {
                throw S3Error.ENTITY_TOO_SMALL.exception().with("PartNumber", Integer.toString(chosen.get(i).partNumber()))
                        .with("ProposedSize", Long.toString(chosen.get(i).size()))
                        .with("MinSizeAllowed", Long.toString(MIN_PART_SIZE));
            }
        }
        return chosen;
    }

    static String multipartEtag(List<UploadedPart> parts) {
        try {
            MessageDigest md5 = MessageDigest.getInstance("MD5");
            parts.forEach(part -> md5.update(HexFormat.of().parseHex(part.md5Hex())));
            return HexFormat.of().formatHex(md5.digest()) + "-" + parts.size();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
