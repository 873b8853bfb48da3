package dev.mocks3.local.s3;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import org.springframework.r2dbc.core.DatabaseClient;

import dev.mocks3.local.MockS3Fixture;

/**
 * Where the blob store keeps content: {@code data/blobs/ab/cd/<sha256>}, or, for a body of up to 8,000 bytes,
 * the blob's row ({@code blobs.content}, state V21).
 */
public final class BlobFiles {
    private BlobFiles() {
    }

    /** The blob file of this content in the blob store of the MockS3 whose data folder this is. */
    public static Path ofContent(Path dataDir, String content) {
        return of(dataDir, sha256(content));
    }

    static Path of(Path dataDir, String sha) {
        return dataDir.resolve("blobs").resolve(sha.substring(0, 2)).resolve(sha.substring(2, 4)).resolve(sha);
    }

    /** Whether the content is stored, as a file or in its blob's row, by the MockS3 of this data folder and database. */
    public static boolean isStored(Path dataDir, DatabaseClient db, String content) {
        String sha = sha256(content);
        return Files.exists(of(dataDir, sha)) || Boolean.TRUE.equals(db.sql("select exists (select 1 from blobs "
                + "where sha256 = $1 and content is not null)").bind(0, sha).map(row -> row.get(0, Boolean.class)).one().block());
    }

    static boolean isStored(MockS3Fixture mocks3, String content) {
        return isStored(mocks3.dataDir(), mocks3.bean(DatabaseClient.class), content);
    }

    static Path ofContent(MockS3Fixture mocks3, String content) {
        return of(mocks3, sha256(content));
    }

    static Path of(MockS3Fixture mocks3, String sha) {
        return of(mocks3.dataDir(), sha);
    }

    static String sha256(String content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
