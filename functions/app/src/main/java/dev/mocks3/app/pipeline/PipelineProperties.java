package dev.mocks3.app.pipeline;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The stages composed around every S3 operation: {@code before|<operation>|after}. A stage
 * whose function bean is absent from this instance is left out.
 */
@ConfigurationProperties("mocks3.pipeline")
public record PipelineProperties(@DefaultValue({"authCheck", "faultCheck"}) List<String> before,
                                 @DefaultValue({"corsHeaders", "faultRespond"}) List<String> after) {
}
