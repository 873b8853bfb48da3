package dev.mocks3.s3.config;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.function.Consumer;
import java.util.regex.Pattern;

import org.springframework.stereotype.Component;
import org.w3c.dom.Element;

import dev.mocks3.core.call.S3Call;
import dev.mocks3.core.call.S3Response;
import dev.mocks3.core.error.S3Error;
import dev.mocks3.core.xml.XmlCopy;
import dev.mocks3.core.xml.XmlDocument;
import dev.mocks3.core.xml.XmlWriter;
import dev.mocks3.s3.http.Responses;
import dev.mocks3.s3.http.SmallBody;
import dev.mocks3.s3.object.Lookups;
import dev.mocks3.state.config.BucketConfigurationStore;
import dev.mocks3.state.config.BucketSetting;
import reactor.core.publisher.Mono;

/**
 * What the Put/Get/Delete/List operations of the configurations a bucket keeps by id share (analytics,
 * metrics, inventory, intelligent tiering): the {@code id} parameter, which the body's {@code Id} must
 * repeat; NoSuchConfiguration for an unknown id; lists of 100 by id with an opaque continuation token; at most
 * 1,000 of a kind per bucket (400 TooManyConfigurations for a new id beyond, as on S3).
 */
@Component
public class ConfigurationsById {
    static final int PAGE_SIZE = 100;
    /** S3 keeps up to 1,000 configurations of each of these kinds per bucket; a new id beyond is TooManyConfigurations. */
    static final int LIMIT = 1000;
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    private final Lookups lookups;
    private final BucketConfigurationStore store;

    public ConfigurationsById(Lookups lookups, BucketConfigurationStore store) {
        this.lookups = lookups;
        this.store = store;
    }

    /** One kind of configuration: where it is kept, its document's root and its list's root element. */
    public record Kind(BucketSetting setting, String root, String listRoot) {
    }

    /** Checks the body ({@code check} refuses what S3 refuses in the kind's own elements) and stores it under its id. */
    public Mono<S3Response> put(S3Call call, Kind kind, Consumer<Element> check) {
        String bucket = call.request().bucket();
        return Mono.fromCallable(() -> id(call))
                .flatMap(id -> lookups.bucket(bucket)
                        .then(SmallBody.read(call.request().body()))
                        .map(body -> checked(body, id, kind, check))
                        .flatMap(content -> store.putEntryWithin(bucket, kind.setting(), id, content, LIMIT)))
                // refused: the limit, unless the bucket went away meanwhile (NoSuchBucket then)
                .flatMap(stored -> stored ? Mono.just(Responses.empty(200))
                        : lookups.bucket(bucket).then(Mono.error(S3Error.TOO_MANY_CONFIGURATIONS.at("/" + bucket))));
    }

    public Mono<S3Response> get(S3Call call, Kind kind) {
        String bucket = call.request().bucket();
        return Mono.fromCallable(() -> id(call))
                .flatMap(id -> lookups.bucket(bucket).then(store.findEntry(bucket, kind.setting(), id)))
                .map(content -> BucketDocuments.wrapped(kind.root(), content))
                .switchIfEmpty(Mono.error(() -> missing(bucket)));
    }

    /** 204, or NoSuchConfiguration when there was none with that id. */
    public Mono<S3Response> delete(S3Call call, Kind kind) {
        String bucket = call.request().bucket();
        return Mono.fromCallable(() -> id(call))
                .flatMap(id -> lookups.bucket(bucket).then(store.deleteEntry(bucket, kind.setting(), id)))
                .flatMap(deleted -> deleted ? Mono.just(Responses.empty(204)) : Mono.error(missing(bucket)));
    }

    public Mono<S3Response> list(S3Call call, Kind kind) {
        String bucket = call.request().bucket();
        String token = call.request().queryParam("continuation-token");
        return Mono.fromCallable(() -> afterId(token))
                .flatMap(after -> lookups.bucket(bucket)
                        .then(store.entries(bucket, kind.setting(), after, PAGE_SIZE + 1).collectList()))
                .map(entries -> listing(kind, token, entries));
    }

    private static S3Response listing(Kind kind, String token, List<BucketConfigurationStore.Entry> entries) {
        boolean truncated = entries.size() > PAGE_SIZE;
        List<BucketConfigurationStore.Entry> page = truncated ? entries.subList(0, PAGE_SIZE) : entries;
        XmlWriter xml = XmlWriter.document(kind.listRoot()).element("IsTruncated", truncated);
        if (token != null && !token.isEmpty()) {
            xml.element("ContinuationToken", token);
        }
        if (truncated) {
            xml.element("NextContinuationToken", Base64.getUrlEncoder().withoutPadding()
                    .encodeToString(page.get(page.size() - 1).id().getBytes(StandardCharsets.UTF_8)));
        }
        for (BucketConfigurationStore.Entry entry : page) {
            xml.open(kind.root()).raw(entry.document()).close(kind.root());
        }
        return Responses.xml(xml.finishBytes(kind.listRoot()));
    }

    private static String checked(byte[] body, String id, Kind kind, Consumer<Element> check) {
        Element root = XmlDocument.parse(body, kind.root()).root();
        if (!id.equals(XmlDocument.requiredText(root, "Id"))) {
            throw S3Error.INVALID_ARGUMENT.exception("The Id in the configuration does not match the id in the request.")
                    .with("ArgumentName", "id").with("ArgumentValue", id);
        }
        check.accept(root);
        return XmlCopy.content(root);
    }

    /** The {@code id} parameter: 1 to 64 letters, digits, dots, dashes or underscores. */
    private static String id(S3Call call) {
        String id = call.request().queryParam("id");
        if (id == null || !ID.matcher(id).matches()) {
            throw S3Error.INVALID_ARGUMENT.exception("Invalid configuration id.").with("ArgumentName", "id")
                    .with("ArgumentValue", id == null ? "" : id);
        }
        return id;
    }

    /** The last id of the previous page; an empty or absent token lists from the start. */
    private static String afterId(String token) {
        if (token == null || token.isEmpty()) {
            return "";
        }
        try {
            String id = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
            if (ID.matcher(id).matches()) {
                return id;
            }
        } catch (IllegalArgumentException e) {
            // not one of ours: refused below
        }
        throw S3Error.INVALID_ARGUMENT.exception("The continuation token provided is incorrect")
                .with("ArgumentName", "continuation-token").with("ArgumentValue", token);
    }

    private static RuntimeException missing(String bucket) {
        return S3Error.NO_SUCH_CONFIGURATION.at("/" + bucket);
    }
}
