package dev.mocks3.s3.object;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import org.springframework.http.HttpHeaders;

import dev.mocks3.core.auth.UriEncoding;
import dev.mocks3.core.call.S3Request;
import dev.mocks3.core.call.S3Response;
import dev.mocks3.core.form.FormFields;
import dev.mocks3.s3.http.Responses;
import dev.mocks3.state.metadata.ObjectRecord;

/**
 * What a form upload answers, as its fields ask: a 303 to {@code success_action_redirect} (or
 * {@code redirect}) with the bucket, key and ETag in the query; else {@code success_action_status}
 * 200 (empty), 201 (a PostResponse document) or, for anything else, 204.
 */
final class PostAnswer {

    private PostAnswer() {
    }

    static S3Response of(S3Request request, FormFields fields, ObjectRecord object) {
        String location = location(request);
        String redirect = redirect(fields);
        S3Response response;
        if (redirect != null) {
            response = Responses.empty(303);
            response.headers().set(HttpHeaders.LOCATION, redirect + (redirect.contains("?") ? "&" : "?")
                    + "bucket=" + form(request.bucket()) + "&key=" + form(request.key()) + "&etag=" + form(object.quotedEtag()));
        } else {
            response = switch (String.valueOf(fields.get("success_action_status")).strip()) {
                case "200" -> Responses.empty(200);
                case "201" -> Responses.xml(201,
                        new PostResponse(location, request.bucket(), request.key(), object.quotedEtag()).xml());
                default -> Responses.empty(204);
            };
            response.headers().set(HttpHeaders.LOCATION, location);
        }
        ObjectUpload.writtenHeaders(response.headers(), object);
        return response;
    }

    /** The redirect target, when it is an absolute http(s) URL; S3 ignores any other. */
    private static String redirect(FormFields fields) {
        String target = fields.get("success_action_redirect");
        if (target == null) {
            target = fields.get("redirect");
        }
        if (target == null || target.isBlank()) {
            return null;
        }
        try {
            URI uri = new URI(target.strip());
            String scheme = uri.getScheme();
            return uri.getHost() != null && ("http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme))
                    ? target.strip() : null;
        } catch (URISyntaxException e) {
            return null;
        }
    }

    /** The object's URL as the client addressed the bucket: path-style or virtual-hosted. */
    private static String location(S3Request request) {
        String forwarded = request.header("X-Forwarded-Proto");
        String scheme = forwarded == null || forwarded.isBlank() ? "http" : forwarded.split(",")[0].strip();
        String bucketPath = request.rawPath() == null || request.rawPath().equals("/") ? ""
                : request.rawPath().replaceAll("/+$", "");
        return scheme + "://" + request.host() + bucketPath + "/" + UriEncoding.encode(request.key(), true);
    }

    private static String form(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
