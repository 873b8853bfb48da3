package dev.mocks3.core.form;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;

import org.springframework.http.HttpHeaders;

import dev.mocks3.core.call.S3Request;
import dev.mocks3.core.error.S3Error;
import dev.mocks3.core.form.PostFormReader.FormFile;
import dev.mocks3.core.tagging.TagSet;

/**
 * A form upload as the object write path takes a PutObject: the key from the {@code key} field
 * (with {@code ${filename}} replaced), the fields that PUT sends as headers turned into those
 * headers ({@code acl} is {@code x-amz-acl}, the {@code tagging} XML is {@code x-amz-tagging}),
 * and the file as the body. The HTTP request's own headers say nothing about the object.
 */
public final class FormRequest {
    static final int MAX_KEY_BYTES = 1024;
    private static final String FILENAME = "${filename}";
    private static final List<String> REPRESENTATION = List.of("Content-Type", "Content-MD5", "Cache-Control",
            "Content-Disposition", "Content-Encoding", "Content-Language", "Expires");
    /** Fields that authenticate the form: never object metadata. */
    private static final Set<String> SIGNATURE_FIELDS = Set.of("x-amz-algorithm", "x-amz-credential", "x-amz-date",
            "x-amz-signature", "x-amz-security-token");

    private FormRequest() {
    }

    public static S3Request of(S3Request http, FormFields fields, FormFile file) {
        return new S3Request(http.requestId(), http.method(), http.host(), http.rawPath(), http.rawQuery(), http.bucket(),
                key(fields, file.filename()), http.query(), headers(http.headers(), fields), file.content(),
                http.remoteAddress(), http.receivedAt());
    }

    private static String key(FormFields fields, String filename) {
        String key = fields.get("key");
        if (key == null) {
            throw S3Error.INVALID_ARGUMENT.exception("Bucket POST must contain a field named 'key'.  If it is specified, "
                    + "please check the order of the fields.").with("ArgumentName", "key").with("ArgumentValue", "");
        }
        key = key.replace(FILENAME, filename == null ? "" : filename);
        if (key.isEmpty()) {
            throw S3Error.INVALID_ARGUMENT.exception("User key must have a length greater than 0.")
                    .with("ArgumentName", "key").with("ArgumentValue", "");
        }
        if (key.indexOf('\0') >= 0) {
            throw S3Error.INVALID_ARGUMENT.exception("Object keys containing the NUL character are not supported.")
                    .with("ArgumentName", "key");
        }
        int bytes = key.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > MAX_KEY_BYTES) {
            throw S3Error.KEY_TOO_LONG.exception().with("Size", Integer.toString(bytes))
                    .with("MaxSizeAllowed", Integer.toString(MAX_KEY_BYTES));
        }
        return key;
    }

    private static HttpHeaders headers(HttpHeaders http, FormFields fields) {
        HttpHeaders headers = new HttpHeaders();
        http.forEach((name, values) -> {
            String lower = name.toLowerCase(Locale.ROOT);
            boolean aboutTheBody = lower.equals("content-length") || lower.equals("transfer-encoding")
                    || REPRESENTATION.stream().anyMatch(name::equalsIgnoreCase);
            if (!aboutTheBody && (!lower.startsWith("x-amz-") || lower.equals("x-amz-expected-bucket-owner"))) {
                headers.addAll(name, values);
            }
        });
        for (FormFields.Field field : fields.all()) {
            String name = field.name().toLowerCase(Locale.ROOT);
            if (REPRESENTATION.stream().anyMatch(name::equalsIgnoreCase)
                    || name.startsWith("x-amz-") && !SIGNATURE_FIELDS.contains(name)) {
                headers.set(field.name(), field.value());
            } else if (name.equals("acl")) {
                headers.set("x-amz-acl", field.value());
            } else if (name.equals("tagging")) {
                headers.set("x-amz-tagging", taggingHeader(field.value()));
            }
        }
        return headers;
    }

    /** The {@code Tagging} XML of a form as PUT's URL-encoded {@code x-amz-tagging}. */
    private static String taggingHeader(String xml) {
        Map<String, String> tags = TagSet.fromXml(xml.getBytes(StandardCharsets.UTF_8), TagSet.MAX_OBJECT_TAGS);
        StringJoiner header = new StringJoiner("&");
        tags.forEach((key, value) -> header.add(URLEncoder.encode(key, StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(value, StandardCharsets.UTF_8)));
        return header.toString();
    }
}
