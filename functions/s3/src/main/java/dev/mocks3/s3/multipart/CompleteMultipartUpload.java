package dev.mocks3.s3.multipart;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
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
import dev.mocks3.core.checksum.ObjectChecksum;
import dev.mocks3.core.error.S3Error;
import dev.mocks3.core.xml.XmlDocument;
import dev.mocks3.s3.OperationFunction;
import dev.mocks3.s3.encryption.ObjectEncryption;
import dev.mocks3.s3.http.ObjectHeaders;
import dev.mocks3.s3.http.Preconditions;
import dev.mocks3.s3.http.Responses;
import dev.mocks3.s3.lifecycle.ExpirationHeader;
import dev.mocks3.s3.http.SmallBody;
import dev.mocks3.core.checksum.ChecksumAlgorithm;
import dev.mocks3.state.blob.ComposedBlob;
import dev.mocks3.state.metadata.MultipartStore;
import dev.mocks3.state.metadata.MultipartUpload;
import dev.mocks3.state.metadata.ObjectDraft;
import dev.mocks3.state.metadata.ObjectRecord;
import dev.mocks3.state.metadata.ObjectStore;
import dev.mocks3.state.metadata.ObjectWriter;
import dev.mocks3.state.metadata.UploadedPart;
import dev.mocks3.state.metadata.WriteCondition;
import dev.mocks3.core.notification.S3EventNames;
import dev.mocks3.state.notification.ChangeCause;
import reactor.core.publisher.Mono;

/**
 * POST /bucket/key?uploadId=U — makes the listed parts, in order, the object (without copying them). Every part
 * but the last must be at least 5 MiB; the ETag is the MD5 of the parts' MD5s, dash, count.
 * A part number listed twice in a row counts once, with its last ETag (a part re-uploaded while
 * the first upload was under way). Completing an upload again with the same parts, within a day
 * and while its object is still the key's, answers 200 with that object, as S3 does. The object's
 * checksum is made from the parts' checksums ({@link MultipartChecksum}), never by reading the parts again.
 */
@Component("completeMultipartUpload")
public class CompleteMultipartUpload extends OperationFunction {
    static final long MIN_PART_SIZE = 5L * 1024 * 1024;
    private final Uploads uploads;
    private final MultipartStore store;
    private final ObjectWriter writer;
    private final ObjectStore objects;
    private final ExpirationHeader expiration;

    public CompleteMultipartUpload(Uploads uploads, MultipartStore store, ObjectWriter writer, ObjectStore objects,
                                   ExpirationHeader expiration) {
        this.uploads = uploads;
        this.store = store;
        this.writer = writer;
        this.objects = objects;
        this.expiration = expiration;
    }

    /** A part the complete request lists, with the checksums it gives for it. */
    record Requested(int partNumber, String etag, Map<ChecksumAlgorithm, String> checksums) {

        Requested(int partNumber, String etag) {
            this(partNumber, etag, Map.of());
        }
    }

    @Override
    protected Mono<S3Response> handle(S3Call call) {
        S3Request request = call.request();
        WriteCondition condition = Preconditions.forWrite(request.headers(), request.key());
        Mono<List<Requested>> requested = SmallBody.read(request.body()).map(CompleteMultipartUpload::parse).cache();
        return uploads.find(request).flatMap(upload -> requested
                .flatMap(wanted -> store.parts(upload.uploadId(), 0, 10000).collectList()
                        .map(stored -> {
                            List<UploadedPart> chosen = select(wanted, stored);
                            UploadChecksum checksum = UploadChecksum.of(upload);
                            MultipartChecksum.checkListed(checksum, lastOfEachNumber(wanted), chosen);
                            return chosen;
                        }))
                .flatMap(parts -> {
                    UploadChecksum checksum = UploadChecksum.of(upload);
                    ObjectChecksum computed = MultipartChecksum.of(checksum, parts);
                    MultipartChecksum.checkDeclared(request.headers(), checksum, computed);
                    return join(request, upload, parts, computed, condition,
                            ChangeCause.of(call, S3EventNames.OBJECT_CREATED_COMPLETE_MULTIPART_UPLOAD));
                }))
                .switchIfEmpty(Mono.defer(() -> requested.flatMap(wanted -> completedBefore(request, wanted))))
                .flatMap(object -> {
                    S3Response response = Responses.xml(new CompleteMultipartUploadResult(object.bucket(), object.key(),
                            object.quotedEtag(), ObjectChecksum.from(object.checksums()).orElse(null)).xml());
                    ObjectEncryption.echo(object.headers(), response.headers());
                    ObjectHeaders.versionId(response.headers(), object);
                    return expiration.describe(object, response.headers()).thenReturn(response);
                });
    }

    /** The object an earlier completion of this upload with the same parts made, or NoSuchUpload. */
    private Mono<ObjectRecord> completedBefore(S3Request request, List<Requested> wanted) {
        String etag = requestedEtag(wanted);
        return store.completedEtag(request.bucket(), request.key(), request.queryParam("uploadId"))
                .filter(etag::equals)
                .flatMap(completed -> objects.find(request.bucket(), request.key()))
                .filter(object -> object.etag().equals(etag))
                .switchIfEmpty(Mono.error(() -> Uploads.noSuchUpload(request)));
    }

    /**
     * The object is a composed blob of the parts' blobs: no byte is copied, whatever the size. The
     * upload goes in the transaction that writes the object, so a racing abort or completion either
     * comes first (NoSuchUpload here) or finds nothing.
     */
    private Mono<ObjectRecord> join(S3Request request, MultipartUpload upload, List<UploadedPart> parts,
                                    ObjectChecksum checksum, WriteCondition condition, ChangeCause cause) {
        ComposedBlob blob = ComposedBlob.of(parts.stream().map(part -> new ComposedBlob.Part(part.blobSha256(), part.size()))
                .toList());
        String etag = multipartEtag(parts);
        ObjectDraft draft = upload.draft();
        ObjectRecord record = new ObjectRecord(draft.bucket(), draft.key(), blob.id(), blob.size(), etag,
                Instant.now().truncatedTo(ChronoUnit.MILLIS), draft.contentType(), UploadChecksum.without(draft.headers()),
                draft.userMetadata(), draft.storageClass(), draft.owner(), checksum == null ? Map.of() : checksum.toMap(),
                null, draft.tags());
        return writer.compose(record, store.claim(upload, parts), store.complete(upload, blob, etag), condition, cause)
                .onErrorMap(MultipartStore.UploadGoneException.class, e -> Uploads.noSuchUpload(request));
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
            Map<ChecksumAlgorithm, String> checksums = new EnumMap<>(ChecksumAlgorithm.class);
            for (ChecksumAlgorithm algorithm : ChecksumAlgorithm.amzChecksums()) {
                String value = XmlDocument.childText(part, algorithm.xmlElement());
                if (value != null) {
                    checksums.put(algorithm, value.strip());
                }
            }
            try {
                parts.add(new Requested(Integer.parseInt(number.trim()), etag.trim().replace("\"", ""), checksums));
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
        for (Requested want : lastOfEachNumber(requested)) {
            UploadedPart part = byNumber.get(want.partNumber());
            if (part == null || !part.etag().equals(want.etag())) {
                throw invalidPart(want);
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

    static RuntimeException invalidPart(Requested want) {
        return S3Error.INVALID_PART.exception().with("PartNumber", Integer.toString(want.partNumber()))
                .with("ETag", want.etag());
    }

    /** The list in ascending order (else InvalidPartOrder), a number repeated in a row kept with its last ETag. */
    static List<Requested> lastOfEachNumber(List<Requested> requested) {
        List<Requested> kept = new ArrayList<>(requested.size());
        for (Requested want : requested) {
            Requested previous = kept.isEmpty() ? null : kept.get(kept.size() - 1);
            if (previous != null && want.partNumber() < previous.partNumber()) {
                throw S3Error.INVALID_PART_ORDER.exception();
            }
            if (previous != null && want.partNumber() == previous.partNumber()) {
                kept.set(kept.size() - 1, want);
            } else {
                kept.add(want);
            }
        }
        return kept;
    }

    /** The multipart ETag the requested parts would make (part ETags are their MD5s); "" when one is no MD5. */
    static String requestedEtag(List<Requested> requested) {
        try {
            return etagOfMd5s(lastOfEachNumber(requested).stream().map(Requested::etag).toList());
        } catch (IllegalArgumentException notHex) {
            return "";
        }
    }

    static String multipartEtag(List<UploadedPart> parts) {
        return etagOfMd5s(parts.stream().map(UploadedPart::md5Hex).toList());
    }

    private static String etagOfMd5s(List<String> md5Hexes) {
        try {
            MessageDigest md5 = MessageDigest.getInstance("MD5");
            md5Hexes.forEach(hex -> md5.update(HexFormat.of().parseHex(hex)));
            return HexFormat.of().formatHex(md5.digest()) + "-" + md5Hexes.size();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
