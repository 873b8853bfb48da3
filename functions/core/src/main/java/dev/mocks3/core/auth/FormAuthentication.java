package dev.mocks3.core.auth;

import dev.mocks3.core.call.S3Call;
import dev.mocks3.core.form.FormFields;
import reactor.core.publisher.Mono;

/**
 * How {@link AuthCheck} admits a browser form upload, whose signature and policy are fields of its
 * body: left on the call for the operation, which calls it once it has read the fields.
 */
@FunctionalInterface
public interface FormAuthentication {
    String ATTRIBUTE = "mocks3.auth.form";

    /**
     * The call as the form's signature, policy and the bucket allow it, with its body (the file)
     * checked against the policy's size range and the form's Content-MD5 and checksums; or an S3 error.
     *
     * @param call the call whose request is already the form's object write (key, headers, file)
     */
    Mono<S3Call> admit(S3Call call, FormFields fields);

    /** The authentication AuthCheck left on the call, or null when no AuthCheck ran (uploads unchecked). */
    static FormAuthentication of(S3Call call) {
        return call.attribute(ATTRIBUTE);
    }
}
