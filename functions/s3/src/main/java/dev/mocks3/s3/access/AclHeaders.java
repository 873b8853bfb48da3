package dev.mocks3.s3.access;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.http.HttpHeaders;

import dev.mocks3.core.error.S3Error;
import dev.mocks3.s3.http.Owner;

/** The ACL a request asks for in its headers: {@code x-amz-acl} (canned) or {@code x-amz-grant-*}. */
public final class AclHeaders {
    public static final String CANNED = "x-amz-acl";
    private static final Map<String, String> GRANT_HEADERS = Map.of(
            "x-amz-grant-read", "READ", "x-amz-grant-write", "WRITE", "x-amz-grant-read-acp", "READ_ACP",
            "x-amz-grant-write-acp", "WRITE_ACP", "x-amz-grant-full-control", "FULL_CONTROL");
    static final List<String> GRANT_ORDER = List.of("x-amz-grant-full-control", "x-amz-grant-read",
            "x-amz-grant-write", "x-amz-grant-read-acp", "x-amz-grant-write-acp");

    private AclHeaders() {
    }

    /** True when the request names an ACL in its headers. */
    public static boolean present(HttpHeaders headers) {
        return headers.getFirst(CANNED) != null || GRANT_ORDER.stream().anyMatch(h -> headers.getFirst(h) != null);
    }

    /** The canned ACL the request names, if any (an unknown one is InvalidArgument). */
    public static Optional<CannedAcl> canned(HttpHeaders headers) {
        String value = headers.getFirst(CANNED);
        if (value == null) {
            return Optional.empty();
        }
        return Optional.of(CannedAcl.of(value.strip()).orElseThrow(() -> S3Error.INVALID_ARGUMENT.exception()
                .with("ArgumentName", CANNED).with("ArgumentValue", value)));
    }

    /** The ACL the headers give a resource of {@code owner} in a bucket of {@code bucketOwner}; empty when they name none. */
    public static Optional<AccessControlPolicy> parse(HttpHeaders headers, Owner owner, Owner bucketOwner) {
        Optional<CannedAcl> canned = canned(headers);
        List<Grant> grants = new ArrayList<>();
        for (String header : GRANT_ORDER) {
            String value = headers.getFirst(header);
            if (value != null) {
                for (Grantee grantee : grantees(header, value)) {
                    grants.add(new Grant(grantee, GRANT_HEADERS.get(header)));
                }
            }
        }
        if (canned.isPresent() && !grants.isEmpty()) {
            throw S3Error.INVALID_REQUEST.exception("Specifying both Canned ACLs and Header Grants is not allowed");
        }
        if (canned.isPresent()) {
            return Optional.of(canned.get().expand(owner, bucketOwner));
        }
        return grants.isEmpty() ? Optional.empty() : Optional.of(new AccessControlPolicy(owner, grants));
    }

    /** {@code id="…", uri="…", emailAddress="…"}, comma-separated. */
    private static List<Grantee> grantees(String header, String value) {
        List<Grantee> grantees = new ArrayList<>();
        for (String part : value.split(",")) {
            String entry = part.strip();
            int equals = entry.indexOf('=');
            if (entry.isEmpty()) {
                continue;
            }
            if (equals <= 0) {
                throw invalid(header, value);
            }
            String type = entry.substring(0, equals).strip();
            String id = entry.substring(equals + 1).strip();
            if (id.length() >= 2 && id.startsWith("\"") && id.endsWith("\"")) {
                id = id.substring(1, id.length() - 1);
            }
            grantees.add(switch (type.toLowerCase(java.util.Locale.ROOT)) {
                case "id" -> new Grantee.CanonicalUser(id, null);
                case "uri" -> new Grantee.Group(id);
                case "emailaddress" -> new Grantee.ByEmail(id);
                default -> throw invalid(header, value);
            });
        }
        return grantees;
    }

    private static RuntimeException invalid(String header, String value) {
        return S3Error.INVALID_ARGUMENT.exception().with("ArgumentName", header).with("ArgumentValue", value);
    }
}
