package dev.mocks3.state.metadata;

import java.util.Optional;

/** What a writer sees of a key under its lock: the bucket's versioning and the current object, if any. */
record KeyState(Versioning versioning, Optional<CurrentObject> current) {
    static final KeyState NO_BUCKET = new KeyState(Versioning.UNVERSIONED, Optional.empty());
}
