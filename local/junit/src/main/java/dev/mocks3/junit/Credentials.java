package dev.mocks3.junit;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/** An S3 access key and its secret. */
public record Credentials(String accessKey, String secretKey) {

    /** The key MockS3 configures by default ({@code test}/{@code test}). */
    public static Credentials defaults() {
        return new Credentials("test", "test");
    }

    public StaticCredentialsProvider provider() {
        return StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKey, secretKey));
    }
}
