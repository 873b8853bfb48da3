package dev.mocks3.local.faults;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import dev.mocks3.faults.rule.FaultRule;
import dev.mocks3.faults.store.R2dbcRuleStore;
import dev.mocks3.faults.store.RuleStore;
import dev.mocks3.local.MockS3Fixture;

/** The rules in PostgreSQL as every instance re-reads them (after each change and every few seconds). */
class StoredRulesTest {
    private final MockS3Fixture mocks3 = MockS3Fixture.shared();
    private final RulesApiClient api = new RulesApiClient(mocks3);

    @Test
    void reloadingRulesReadsOnlyTheDocumentsThatChanged() {
        RuleStore store = mocks3.bean(RuleStore.class);
        assertThat(store).isInstanceOf(R2dbcRuleStore.class);
        String id = api.create("""
                {"name": "stored once", "conditions": [{"type": "bucket", "value": "no-such-bucket-stored"}],
                 "action": {"type": "delay", "delay": "1ms"}}""");
        try {
            FaultRule first = stored(store, id);
            assertThat(stored(store, id)).as("an unchanged row is not read again").isSameAs(first);

            assertThat(api.send("POST", "/api/v1/rules/" + id + "/disable", null).statusCode()).isEqualTo(200);
            FaultRule changed = stored(store, id);
            assertThat(changed).isNotSameAs(first);
            assertThat(changed.enabled()).isFalse();
            assertThat(changed.version()).isEqualTo(first.version() + 1);
            assertThat(stored(store, id)).isSameAs(changed);
        } finally {
            api.delete(id);
        }
    }

    private static FaultRule stored(RuleStore store, String id) {
        return store.all().filter(r -> r.id().equals(id)).blockFirst();
    }
}
