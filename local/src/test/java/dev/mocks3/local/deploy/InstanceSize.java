package dev.mocks3.local.deploy;

import java.util.Arrays;

import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.context.ConfigurableApplicationContext;

/** How much an application context holds: bean definitions, singletons built, and how many of those are MockS3's own. */
record InstanceSize(int definitions, int singletons, long mocks3Singletons) {

    static InstanceSize of(ConfigurableApplicationContext context) {
        ConfigurableListableBeanFactory beans = context.getBeanFactory();
        long own = Arrays.stream(beans.getSingletonNames())
                .filter(name -> beans.getSingleton(name).getClass().getName().startsWith("dev.mocks3.")).count();
        return new InstanceSize(context.getBeanDefinitionCount(), beans.getSingletonCount(), own);
    }

    @Override
    public String toString() {
        return definitions + " bean definitions, " + singletons + " singletons built (" + mocks3Singletons + " of MockS3)";
    }
}
