package dev.mocks3.core.auth;

import java.util.List;

import dev.mocks3.core.error.S3Error;
import dev.mocks3.core.error.S3Exception;

/**
 * The SigV4 fields a client sends, from the Authorization header or the presigned query:
 * who signs, which headers, and the signature to check.
 */
record ClaimedSignature(CredentialScope credential, List<String> signedHeaders, String signature) {
    private static final String MALFORMED_CREDENTIAL = "the Credential is mal-formed; expecting "
            + "\"<YOUR-AKID>/YYYYMMDD/REGION/SERVICE/aws4_request\".";

    /** Parses {@code AWS4-HMAC-SHA256 Credential=..., SignedHeaders=..., Signature=...}. */
    static ClaimedSignature fromHeader(String authorization) {
        String fields = authorization.substring(StringToSign.ALGORITHM.length());
        String credential = null;
        String signedHeaders = null;
        String signature = null;
        for (String field : fields.split(",")) {
            String trimmed = field.strip();
            int eq = trimmed.indexOf('=');
            String name = eq < 0 ? trimmed : trimmed.substring(0, eq);
            String value = eq < 0 ? "" : trimmed.substring(eq + 1).strip();
            switch (name) {
                case "Credential" -> credential = value;
                case "SignedHeaders" -> signedHeaders = value;
                case "Signature" -> signature = value;
                default -> throw malformedHeader("the authorization header requires Credential, SignedHeaders "
                        + "and Signature, found \"" + name + "\".");
            }
        }
        if (credential == null || signedHeaders == null || signature == null) {
            throw malformedHeader("the authorization header requires Credential, SignedHeaders and Signature.");
        }
        CredentialScope scope = CredentialScope.parse(credential);
        if (scope == null) {
            throw malformedHeader(MALFORMED_CREDENTIAL);
        }
        return new ClaimedSignature(scope, headerList(signedHeaders), signature);
    }

    static ClaimedSignature fromQuery(String credential, String signedHeaders, String signature) {
        CredentialScope scope = CredentialScope.parse(credential);
        if (scope == null) {
            throw S3Error.AUTHORIZATION_QUERY_PARAMETERS_ERROR.exception(
                    "Error parsing the X-Amz-Credential parameter; " + MALFORMED_CREDENTIAL);
        }
        return new ClaimedSignature(scope, headerList(signedHeaders), signature);
    }

    private static List<String> headerList(String signedHeaders) {
        return List.of(signedHeaders.split(";"));
    }

    private static S3Exception malformedHeader(String why) {
        return S3Error.AUTHORIZATION_HEADER_MALFORMED.exception("The authorization header is malformed; " + why);
    }
}
