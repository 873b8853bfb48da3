package dev.mocks3.local.s3;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * What a web application's server does for a browser upload form: writes the policy document and
 * signs it (SigV4 with the derived signing key, or SigV2), answering the hidden fields of the form.
 */
final class PolicySigner {
    private static final DateTimeFormatter AMZ_DATE = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
    private final List<String> conditions = new ArrayList<>();
    private String expiration = Instant.now().plusSeconds(3600).toString();

    PolicySigner expiresAt(String isoTime) {
        expiration = isoTime;
        return this;
    }

    /** A condition as JSON, e.g. {@code {"bucket":"b"}} or {@code ["starts-with","$key","uploads/"]}. */
    PolicySigner condition(String json) {
        conditions.add(json);
        return this;
    }

    String document(List<String> more) {
        List<String> all = new ArrayList<>(conditions);
        all.addAll(more);
        return "{\"expiration\":\"" + expiration + "\",\"conditions\":[" + String.join(",", all) + "]}";
    }

    static String base64(String json) {
        return Base64.getEncoder().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    static String amzDate(Instant time) {
        return AMZ_DATE.format(time);
    }

    /** The SigV4 fields: policy, x-amz-algorithm, x-amz-credential, x-amz-date, x-amz-signature. */
    Map<String, String> sigV4(String accessKey, String secret) {
        return sigV4(accessKey, secret, amzDate(Instant.now()).substring(0, 8));
    }

    /** As {@link #sigV4(String, String)}, with the credential scope (and signing key) of day {@code scopeDay} (yyyyMMdd). */
    Map<String, String> sigV4(String accessKey, String secret, String scopeDay) {
        String date = amzDate(Instant.now());
        String credential = accessKey + "/" + scopeDay + "/us-east-1/s3/aws4_request";
        String policy = base64(document(List.of("{\"x-amz-algorithm\":\"AWS4-HMAC-SHA256\"}",
                "{\"x-amz-credential\":\"" + credential + "\"}", "{\"x-amz-date\":\"" + date + "\"}")));
        return sigV4Fields(policy, accessKey, secret, credential, date);
    }

    static Map<String, String> sigV4Fields(String policy, String accessKey, String secret, String credential, String date) {
        // the signing key comes from the credential scope's day, as a signer derives it
        byte[] key = hmac("HmacSHA256", ("AWS4" + secret).getBytes(StandardCharsets.UTF_8), credential.split("/")[1]);
        for (String part : List.of("us-east-1", "s3", "aws4_request")) {
            key = hmac("HmacSHA256", key, part);
        }
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("policy", policy);
        fields.put("x-amz-algorithm", "AWS4-HMAC-SHA256");
        fields.put("x-amz-credential", credential);
        fields.put("x-amz-date", date);
        fields.put("x-amz-signature", HexFormat.of().formatHex(hmac("HmacSHA256", key, policy)));
        return fields;
    }

    /** The SigV2 fields: AWSAccessKeyId, policy, signature. */
    Map<String, String> sigV2(String accessKey, String secret) {
        String policy = base64(document(List.of()));
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("AWSAccessKeyId", accessKey);
        fields.put("policy", policy);
        fields.put("signature", Base64.getEncoder().encodeToString(
                hmac("HmacSHA1", secret.getBytes(StandardCharsets.UTF_8), policy)));
        return fields;
    }

    private static byte[] hmac(String algorithm, byte[] key, String data) {
        try {
            Mac mac = Mac.getInstance(algorithm);
            mac.init(new SecretKeySpec(key, algorithm));
            return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
