package dev.mocks3.core.auth;

import java.time.Clock;
import java.util.Locale;

import dev.mocks3.core.error.S3Error;
import dev.mocks3.core.error.S3Exception;
import dev.mocks3.core.form.FormFields;
import dev.mocks3.core.form.PolicyCondition;
import dev.mocks3.core.form.PostPolicy;
import reactor.core.publisher.Mono;

/**
 * The signature of a browser form upload, over its base64 policy: SigV4 ({@code x-amz-credential},
 * {@code x-amz-signature}: hex HMAC-SHA256 with the derived signing key) or SigV2
 * ({@code AWSAccessKeyId}, {@code signature}: base64 HMAC-SHA1 with the secret). A form with
 * neither is anonymous. A signed form's policy is then checked against its fields.
 */
final class PostFormSignature {
    private static final String ALGORITHM = StringToSign.ALGORITHM;

    private final AccessKeys keys;
    private final Clock clock;

    PostFormSignature(AccessKeys keys, Clock clock) {
        this.keys = keys;
        this.clock = clock;
    }

    /**
     * What the form proves.
     *
     * @param accessKey the verified key, null for an anonymous form
     * @param range the file size the policy allows, null for any
     */
    record SignedForm(String accessKey, PolicyCondition.LengthRange range) {
    }

    Mono<SignedForm> verify(FormFields fields, String bucket) {
        return Mono.defer(() -> {
            String credential = fields.get("x-amz-credential");
            String v2Key = fields.get("AWSAccessKeyId");
            if (credential == null && v2Key == null) {
                return Mono.just(new SignedForm(null, null));
            }
            String policy = required(fields, "policy");
            Mono<String> signer = credential != null ? sigV4(fields, credential, policy) : sigV2(fields, v2Key, policy);
            return signer.map(accessKey -> new SignedForm(accessKey,
                    PostPolicy.parse(policy).check(fields, bucket, clock.instant())));
        });
    }

    private Mono<String> sigV4(FormFields fields, String credential, String policy) {
        String algorithm = required(fields, "x-amz-algorithm");
        if (!ALGORITHM.equals(algorithm)) {
            throw S3Error.INVALID_ARGUMENT.exception("Unsupported x-amz-algorithm: only " + ALGORITHM + " is accepted.")
                    .with("ArgumentName", "x-amz-algorithm").with("ArgumentValue", algorithm);
        }
        String date = required(fields, "x-amz-date");
        String signature = required(fields, "x-amz-signature");
        CredentialScope scope = CredentialScope.parse(credential);
        if (scope == null) {
            throw S3Error.INVALID_ARGUMENT.exception("Invalid credential: " + credential
                    + ". It must be <access key>/<date>/<region>/s3/aws4_request.")
                    .with("ArgumentName", "x-amz-credential").with("ArgumentValue", credential);
        }
        // the signing key is derived from the scope's date, which must be the day of x-amz-date
        if (!date.strip().startsWith(scope.date())) {
            throw S3Error.INVALID_ARGUMENT.exception("Invalid credential date \"" + scope.date()
                    + "\". This date is not the same as X-Amz-Date: \"" + date.strip() + "\".")
                    .with("ArgumentName", "x-amz-credential").with("ArgumentValue", credential);
        }
        return secret(scope.accessKey()).map(secret -> {
            String computed = SigningKey.derive(secret, scope).sign(policy);
            return checked(scope.accessKey(), policy, signature, computed, signature.toLowerCase(Locale.ROOT));
        });
    }

    private Mono<String> sigV2(FormFields fields, String accessKey, String policy) {
        String signature = required(fields, "signature");
        return secret(accessKey).map(secret ->
                checked(accessKey, policy, signature, SigV2Verifier.hmacSha1Base64(secret, policy), signature));
    }

    private Mono<String> secret(String accessKey) {
        return keys.secretFor(accessKey).switchIfEmpty(Mono.error(() -> S3Error.INVALID_ACCESS_KEY_ID.exception()
                .with("AWSAccessKeyId", accessKey)));
    }

    private static String checked(String accessKey, String policy, String provided, String computed, String compared) {
        if (!SigV4Verifier.matches(computed, compared)) {
            throw S3Error.SIGNATURE_DOES_NOT_MATCH.exception().with("AWSAccessKeyId", accessKey)
                    .with("StringToSign", policy).with("SignatureProvided", provided);
        }
        return accessKey;
    }

    private static String required(FormFields fields, String name) {
        String value = fields.get(name);
        if (value == null) {
            throw missing(name);
        }
        return value;
    }

    private static S3Exception missing(String name) {
        return S3Error.INVALID_ARGUMENT.exception("Bucket POST must contain a field named '" + name
                + "'.  If it is specified, please check the order of the fields.")
                .with("ArgumentName", name).with("ArgumentValue", "");
    }
}
