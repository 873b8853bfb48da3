package dev.mocks3.loadtests.soak;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What one key may hold, as far as its only writer knows. An acknowledged PUT or DELETE settles it;
 * a refused request changes nothing; a request whose answer never came, or was a 503, may or may
 * not have landed, so its outcome joins the possible states until the next acknowledged write.
 */
final class KeyLedger {
    private final String key;
    private Optional<SoakContent> settled = Optional.empty();
    private final List<Optional<SoakContent>> unsure = new ArrayList<>();

    KeyLedger(String key) {
        this.key = key;
    }

    String key() {
        return key;
    }

    void written(SoakContent content) {
        settled = Optional.of(content);
        unsure.clear();
    }

    void deleted() {
        settled = Optional.empty();
        unsure.clear();
    }

    void maybe(Optional<SoakContent> outcome) {
        unsure.add(outcome);
    }

    /** Whether a GET that found this body ({@code null}: no object) is one of the states the key may be in. */
    boolean allows(String bodyMd5Hex) {
        return matches(settled, bodyMd5Hex) || unsure.stream().anyMatch(state -> matches(state, bodyMd5Hex));
    }

    /** The state a read found: it is now the one to expect, if it was allowed. */
    void observed(String bodyMd5Hex) {
        if (matches(settled, bodyMd5Hex)) {
            unsure.clear();
            return;
        }
        unsure.stream().filter(state -> matches(state, bodyMd5Hex)).findFirst().ifPresent(state -> {
            settled = state;
            unsure.clear();
        });
    }

    Optional<SoakContent> settled() {
        return settled;
    }

    boolean isSure() {
        return unsure.isEmpty();
    }

    private static boolean matches(Optional<SoakContent> state, String bodyMd5Hex) {
        return state.map(content -> content.md5Hex().equals(bodyMd5Hex)).orElse(bodyMd5Hex == null);
    }
}
