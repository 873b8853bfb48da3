package dev.mocks3.drive;

import java.net.URI;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * {@code mocks3.drive.*}: the cloud drive (Polaris-IO API).
 *
 * @param enabled            false builds no drive at all
 * @param port               port of the drive API (the document's gateway port); 0 picks a free one, -1 starts none
 * @param host               address it binds to; unset, the S3 port's {@code server.address} (else 0.0.0.0)
 * @param jwtSecret          HS256 secret (at least 32 bytes); unset, one is generated and kept in the data folder
 * @param tokenLifetime      how long an access token is valid; {@code refreshAfter} is half-way
 * @param defaultQuota       the quota of a new user
 * @param loginPerMobile     login attempts allowed per mobile number per {@code loginWindow}
 * @param loginPerAddress    login attempts allowed per client address per {@code loginWindow}
 * @param loginWindow        the rate limiters' window
 * @param trustForwardedFor  take the client address from {@code X-Forwarded-For} (behind a trusted proxy only)
 * @param multipartThreshold above this size a presigned upload is multipart
 * @param minPartSize        smallest part of a multipart upload (the server picks 8-64 MiB by default)
 * @param maxPartSize        largest part
 * @param targetParts        part count the part size aims at, between the two bounds
 * @param presignExpiry      how long a presigned URL stays valid
 * @param uploadExpiry       an upload without its callback for this long is aborted and forgotten
 * @param sweepInterval      how often abandoned uploads are looked for
 * @param reconcileInterval  how often the quota used is recomputed from the files (PostgreSQL is the truth)
 * @param streamLimit        largest file the direct streaming endpoint serves
 * @param s3                 where the bytes are
 * @param callbackWait       how long a multipart callback waits for its verification before answering 300013
 */
@ConfigurationProperties("mocks3.drive")
public record DriveProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("8888") int port,
        String host,
        String jwtSecret,
        @DefaultValue("2h") Duration tokenLifetime,
        @DefaultValue("10GB") DataSize defaultQuota,
        @DefaultValue("10") int loginPerMobile,
        @DefaultValue("120") int loginPerAddress,
        @DefaultValue("1m") Duration loginWindow,
        @DefaultValue("false") boolean trustForwardedFor,
        @DefaultValue("64MB") DataSize multipartThreshold,
        @DefaultValue("8MB") DataSize minPartSize,
        @DefaultValue("64MB") DataSize maxPartSize,
        @DefaultValue("1000") int targetParts,
        @DefaultValue("1h") Duration presignExpiry,
        @DefaultValue("24h") Duration uploadExpiry,
        @DefaultValue("5m") Duration sweepInterval,
        @DefaultValue("1h") Duration reconcileInterval,
        @DefaultValue("16MB") DataSize streamLimit,
        @DefaultValue S3 s3,
        @DefaultValue("10s") Duration callbackWait) {

    /**
     * The drive's bucket. Without an endpoint it is this MockS3 itself, on its own S3 port.
     *
     * @param publicEndpoint the endpoint presigned URLs name, when clients reach S3 by another address
     */
    public record S3(URI endpoint, URI publicEndpoint, @DefaultValue("polaris-files") String bucket,
                     @DefaultValue("us-east-1") String region, @DefaultValue("test") String accessKey,
                     @DefaultValue("test") String secretKey, @DefaultValue("true") boolean pathStyle,
                     @DefaultValue("true") boolean createBucket) {
    }
}
