package dev.mocks3.junit.faults;

/**
 * How the fault-rules client proves who it is: a SigV4 signature with an S3 key (what the rules API
 * asks for in strict mode), a bearer token ({@code mocks3.faults.api-token}), or nothing.
 */
public record RulesApiAuth(String accessKey, String secretKey, String region, String bearerToken) {

    public static RulesApiAuth none() {
        return new RulesApiAuth(null, null, null, null);
    }

    public static RulesApiAuth signedWith(String accessKey, String secretKey) {
        return new RulesApiAuth(accessKey, secretKey, "us-east-1", null);
    }

    public static RulesApiAuth bearer(String token) {
        return new RulesApiAuth(null, null, null, token);
    }
}
