package dev.mocks3.drive;

import java.util.Arrays;

import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

import dev.mocks3.core.call.FunctionDefinition;
import dev.mocks3.core.drive.DriveEndpoint;
import dev.mocks3.events.job.Job;

/**
 * The drive is built where it is enabled and the function definition names one of its functions
 * or one of its jobs ({@code drive*} job functions), or is blank, as the local runner runs: an S3
 * operation's instance holds none of it.
 */
final class DriveSelected implements Condition {

    @Override
    public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
        if (!context.getEnvironment().getProperty("mocks3.drive.enabled", Boolean.class, true)) {
            return false;
        }
        FunctionDefinition definition = new FunctionDefinition(context.getEnvironment().getProperty(FunctionDefinition.PROPERTY, ""));
        return Arrays.stream(DriveEndpoint.values()).anyMatch(endpoint -> definition.selects(endpoint.functionName()))
                || Arrays.stream(Job.values()).map(Job::functionName).filter(name -> name.startsWith("drive")).anyMatch(definition::selects);
    }
}
