package dev.mocks3.junit;

import java.net.URI;

/** A MockS3 the extension talks to: its S3 endpoint and its rules API. */
interface MockS3Instance extends AutoCloseable {

    URI s3Endpoint();

    URI rulesEndpoint();

    @Override
    void close();

    /** One that runs elsewhere, given by its URLs; closing it does nothing. */
    record Running(URI s3Endpoint, URI rulesEndpoint) implements MockS3Instance {
        @Override
        public void close() {
        }
    }
}
