package dev.mocks3.s3;

import java.util.Map;

import org.springframework.context.EnvironmentAware;
import org.springframework.core.env.Environment;
import org.springframework.core.type.classreading.MetadataReader;
import org.springframework.core.type.classreading.MetadataReaderFactory;
import org.springframework.core.type.filter.TypeFilter;
import org.springframework.stereotype.Component;

import dev.mocks3.core.call.FunctionDefinition;

/**
 * Leaves out of the scan every {@link OperationFunction} whose bean name the function definition
 * does not select: a {@code putObject} instance holds no {@code getObject} bean at all.
 */
final class UnselectedOperations implements TypeFilter, EnvironmentAware {
    private FunctionDefinition definition = new FunctionDefinition("");

    @Override
    public void setEnvironment(Environment environment) {
        definition = new FunctionDefinition(environment.getProperty(FunctionDefinition.PROPERTY, ""));
    }

    @Override
    public boolean match(MetadataReader reader, MetadataReaderFactory factory) {
        if (!OperationFunction.class.getName().equals(reader.getClassMetadata().getSuperClassName())) {
            return false;
        }
        Map<String, Object> component = reader.getAnnotationMetadata().getAnnotationAttributes(Component.class.getName());
        String name = component == null ? "" : (String) component.get("value");
        return !definition.selects(name);
    }
}
