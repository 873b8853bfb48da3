package dev.mocks3.local.s3;

import static dev.mocks3.local.StrictMockS3.KEY_A;
import static dev.mocks3.local.StrictMockS3.KEY_B;
import static dev.mocks3.local.StrictMockS3.SECRET_A;
import static dev.mocks3.local.StrictMockS3.SECRET_B;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

import dev.mocks3.core.auth.AccountId;
import dev.mocks3.local.StrictMockS3;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * A strict-mode MockS3 of its own for the test class, with two accounts: key A owns the buckets the
 * tests make, key B is another account ({@code accountB}, canonical id {@code canonicalB}).
 */
abstract class TwoAccounts {
    static StrictMockS3 mocks3;
    static S3Client a;
    static S3Client b;
    static String accountB;
    static String canonicalB;

    @BeforeAll
    static void startTwoAccounts() {
        mocks3 = new StrictMockS3();
        a = mocks3.client(KEY_A, SECRET_A);
        b = mocks3.client(KEY_B, SECRET_B);
        accountB = AccountId.of(KEY_B);
        canonicalB = b.listBuckets().owner().id();
    }

    @AfterAll
    static void stopTwoAccounts() {
        mocks3.close();
    }
}
