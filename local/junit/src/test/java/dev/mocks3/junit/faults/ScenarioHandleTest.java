package dev.mocks3.junit.faults;

import static dev.mocks3.core.routing.S3Operation.GET_OBJECT;
import static dev.mocks3.junit.faults.FaultActions.internalError;
import static dev.mocks3.junit.faults.FaultActions.slowDown;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.mocks3.junit.MockS3Buckets;
import dev.mocks3.junit.MockS3Extension;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Exception;

/** Scenarios and the halt through the kit's client, against real requests of the SDK. */
@MockS3Buckets("scenarios")
class ScenarioHandleTest {
    private static final String BUCKET = "scenarios";
    private static final String OK = "ok";
    private static final Set<String> scenariosOfEarlierTests = ConcurrentHashMap.newKeySet();

    @RegisterExtension
    static MockS3Extension s3 = MockS3Extension.builder().build();

    private S3Client oneAttempt;

    @BeforeEach
    void nothingOfEarlierTestsIsLeft() {
        assertThat(s3.faults().scenarioIds()).filteredOn(scenariosOfEarlierTests::contains).isEmpty();
        assertThat(s3.faults().ruleIds()).isEmpty();
        oneAttempt = s3.clientBuilder().overrideConfiguration(o -> o.retryStrategy(b -> b.maxAttempts(1))).build();
        oneAttempt.putObject(b -> b.bucket(BUCKET).key("k"), RequestBody.fromString("fine"));
        assertThat(get()).isEqualTo(OK);
    }

    @Test
    void twoPhasesOnATenTimesFasterClockFaultTheClientInTurn() {
        ScenarioHandle scenario = created(s3.faults().scenario("two phases")
                .phase("slow down", Duration.ofSeconds(20)).rule(s3.faults().on(GET_OBJECT).bucket(BUCKET), slowDown())
                .phase("internal error", Duration.ofSeconds(20)).rule(s3.faults().on(GET_OBJECT).bucket(BUCKET), internalError())
                .create());

        assertThat(scenario.start(10).state()).isEqualTo("running");
        List<String> seen = new ArrayList<>();
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!scenario.status().state().equals("finished") && System.nanoTime() < deadline) {
            for (int i = 0; i < 5; i++) {
                seen.add(get());
            }
        }

        ScenarioStatus finished = scenario.awaitState("finished");
        assertThat(seen).contains("SlowDown", "InternalError");
        assertThat(seen.lastIndexOf("SlowDown")).isLessThan(seen.indexOf("InternalError"));
        assertThat(finished.phases()).extracting(ScenarioStatus.PhaseCounts::name).containsExactly("slow down", "internal error");
        assertThat(finished.phases()).allSatisfy(phase -> assertThat(phase.injected()).isPositive());
        assertThat(finished.phase()).isNull();
        assertThat(get()).isEqualTo(OK);
    }

    @Test
    void pauseResumeAndStopChangeTheStatusAndTheFaults() {
        ScenarioHandle scenario = created(s3.faults().scenario("one long phase")
                .phase("503s", Duration.ofMinutes(10)).rule(s3.faults().on(GET_OBJECT).bucket(BUCKET), slowDown())
                .create());
        assertThat(scenario.status().state()).isEqualTo("idle");

        ScenarioStatus running = scenario.start();
        assertThat(running.state()).isEqualTo("running");
        assertThat(scenario.ruleIds()).hasSize(1);
        assertThat(running.phaseName()).isEqualTo("503s");
        assertThat(running.phase().timeLeft()).isPositive().isLessThanOrEqualTo(Duration.ofMinutes(10));
        assertThat(get()).isEqualTo("SlowDown");

        ScenarioStatus paused = scenario.pause();
        assertThat(paused.state()).isEqualTo("paused");
        assertThat(scenario.ruleIds()).isEmpty();
        assertThat(get()).isEqualTo(OK);
        Duration leftWhilePaused = scenario.status().phase().timeLeft();
        assertThat(scenario.status().phase().timeLeft()).isEqualTo(leftWhilePaused);

        assertThat(scenario.resume().state()).isEqualTo("running");
        assertThat(get()).isEqualTo("SlowDown");

        ScenarioStatus stopped = scenario.stop();
        assertThat(stopped.state()).isEqualTo("stopped");
        assertThat(stopped.phase()).isNull();
        assertThat(get()).isEqualTo(OK);
    }

    @Test
    void aGuardHaltsTheScenarioAfterItsFaults() {
        ScenarioHandle scenario = created(s3.faults().scenario("guarded")
                .phase("errors", Duration.ofMinutes(10)).rule(s3.faults().on(GET_OBJECT).bucket(BUCKET), internalError())
                .maxInjectedFaults(2)
                .create());
        scenario.start();
        for (int i = 0; i < 3; i++) {
            get();
        }

        ScenarioStatus halted = scenario.awaitState("halted");
        assertThat(halted.reason()).isNotBlank();
        assertThat(get()).isEqualTo(OK);
    }

    @Test
    void theHaltDisablesTheTestsRuleAndResumeBringsItBack() {
        FaultHandle rule = s3.faults().on(GET_OBJECT).bucket(BUCKET).respond(internalError());
        ScenarioHandle scenario = created(s3.faults().scenario("halted by hand")
                .phase("idle", Duration.ofMinutes(10)).create());
        scenario.start();
        assertThat(get()).isEqualTo("InternalError");

        assertThat(s3.faults().halt()).contains(rule.id());
        assertThat(rule.rule().path("enabled").asBoolean()).isFalse();
        assertThat(scenario.status().state()).isEqualTo("halted");
        assertThat(get()).isEqualTo(OK);

        assertThat(s3.faults().resume()).contains(rule.id());
        assertThat(rule.rule().path("enabled").asBoolean()).isTrue();
        assertThat(get()).isEqualTo("InternalError");
    }

    @Test
    void aScenarioRuleNeedsAPhase() {
        created(s3.faults().scenario("no phase yet").phase("p", Duration.ofSeconds(1)).create());
        assertThatThrownBy(() -> s3.faults().scenario("x").rule(s3.faults().on(GET_OBJECT), slowDown()))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> s3.faults().scenario("x").create())
                .isInstanceOfSatisfying(RulesApiException.class, e -> assertThat(e.status()).isEqualTo(400));
    }

    private static ScenarioHandle created(ScenarioHandle scenario) {
        scenariosOfEarlierTests.add(scenario.id());
        assertThat(s3.faults().scenarios()).contains(scenario);
        return scenario;
    }

    /** One GET of the object: "ok", or the error code it got. */
    private String get() {
        try {
            oneAttempt.getObjectAsBytes(b -> b.bucket(BUCKET).key("k"));
            return OK;
        } catch (S3Exception e) {
            return e.awsErrorDetails().errorCode();
        }
    }
}
