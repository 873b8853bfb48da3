package dev.mocks3.local.deploy;

import org.springframework.context.ConfigurableApplicationContext;

/** How much an application context holds: bean definitions, and the singletons actually built. */
record InstanceSize(int definitions, int singletons) {

    static InstanceSize of(ConfigurableApplicationContext context) {
        return new InstanceSize(context.getBeanDefinitionCount(), context.getBeanFactory().getSingletonCount());
    }

    @Override
    public String toString() {
        return definitions + " bean definitions, " + singletons + " singletons built";
    }
}
