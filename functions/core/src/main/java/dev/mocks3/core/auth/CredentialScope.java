package dev.mocks3.core.auth;

/**
 * The {@code Credential} of a SigV4 request: {@code AKID/20130524/us-east-1/s3/aws4_request}.
 * Any region is accepted: MockS3 answers for all of them.
 */
public record CredentialScope(String accessKey, String date, String region, String service) {
    static final String TERMINATOR = "aws4_request";

    /** Parses a credential, or returns null when it does not have the five parts. */
    static CredentialScope parse(String credential) {
        String[] parts = credential.split("/", -1);
        if (parts.length != 5 || !TERMINATOR.equals(parts[4]) || parts[0].isEmpty() || parts[1].length() != 8
                || parts[2].isEmpty() || parts[3].isEmpty()) {
            return null;
        }
        return new CredentialScope(parts[0], parts[1], parts[2], parts[3]);
    }

    /** The scope as it appears in the string to sign: {@code 20130524/us-east-1/s3/aws4_request}. */
    public String scope() {
        return date + "/" + region + "/" + service + "/" + TERMINATOR;
    }
}
