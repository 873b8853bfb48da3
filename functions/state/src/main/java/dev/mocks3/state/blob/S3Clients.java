package dev.mocks3.state.blob;

import java.net.URI;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3AsyncClient;
import software.amazon.awssdk.services.s3.S3AsyncClientBuilder;

/** AWS SDK v2 clients of another S3 endpoint: the blob bucket, a bucket's upstream. */
public final class S3Clients {
    private S3Clients() {
    }

    /**
     * @param endpoint  null or blank for AWS itself
     * @param accessKey null for the SDK's default credentials chain
     */
    public static S3AsyncClient async(String region, String endpoint, boolean pathStyle, String accessKey, String secretKey) {
        S3AsyncClientBuilder builder = S3AsyncClient.builder().region(Region.of(region)).forcePathStyle(pathStyle);
        if (endpoint != null && !endpoint.isBlank()) {
            builder.endpointOverride(URI.create(endpoint));
        }
        builder.credentialsProvider(accessKey != null
                ? StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKey, secretKey))
                : DefaultCredentialsProvider.builder().build());
        return builder.build();
    }
}
