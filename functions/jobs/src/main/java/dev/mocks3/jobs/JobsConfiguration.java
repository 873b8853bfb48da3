package dev.mocks3.jobs;

import org.springframework.beans.factory.BeanFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurationExcludeFilter;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;
import org.springframework.core.env.Environment;
import org.springframework.r2dbc.core.DatabaseClient;

import dev.mocks3.core.call.FunctionDefinition;
import dev.mocks3.events.delivery.EventDeliveryConfiguration;
import dev.mocks3.events.job.Job;
import dev.mocks3.events.job.JobEvents;
import dev.mocks3.jobs.lifecycle.LifecycleProperties;
import dev.mocks3.jobs.lifecycle.LifecycleTicker;
import dev.mocks3.jobs.run.JobDispatch;
import dev.mocks3.jobs.run.JobLedger;
import dev.mocks3.state.StateConfiguration;

/**
 * The jobs module's auto-configuration: one function bean per {@link Job} (scanned lazily, so an
 * instance builds only the jobs an event asks it to run), the dispatch that feeds them from the
 * in-process bus (the app registers {@code POST /_mocks3/jobs} and the upstream endpoint behind its
 * admin guard), and the lifecycle ticker where {@code lifecycleScan} is served.
 */
@AutoConfiguration(after = {StateConfiguration.class, EventDeliveryConfiguration.class})
@EnableConfigurationProperties({JobsProperties.class, LifecycleProperties.class})
@ComponentScan(lazyInit = true,
        excludeFilters = @ComponentScan.Filter(type = FilterType.CUSTOM, classes = AutoConfigurationExcludeFilter.class))
public class JobsConfiguration {

    @Bean
    JobLedger jobLedger(DatabaseClient db, JobsProperties properties) {
        return new JobLedger(db, properties.lease(), properties.retention());
    }

    @Bean
    JobDispatch jobDispatch(BeanFactory beans, Environment environment) {
        return new JobDispatch(beans, new FunctionDefinition(environment.getProperty(FunctionDefinition.PROPERTY, "")));
    }

    @Bean
    LifecycleTicker lifecycleTicker(JobEvents events, LifecycleProperties lifecycle, JobDispatch dispatch) {
        return new LifecycleTicker(events, lifecycle.scanEvery(), lifecycle.scan() && dispatch.serves(Job.LIFECYCLE_SCAN));
    }
}
