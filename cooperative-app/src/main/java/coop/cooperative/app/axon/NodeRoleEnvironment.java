package coop.cooperative.app.axon;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

import java.util.Map;

/**
 * Reads {@code cooperative.node.role} before the application context is made: a {@code views} node
 * gets no servlet container ({@code spring.main.web-application-type=none}), and a value that is no
 * role fails the start there, with Spring Boot's report naming the setting and the valid values.
 * Runs after the configuration files are read (lowest precedence), so a role set in any of them counts.
 */
class NodeRoleEnvironment implements EnvironmentPostProcessor {

    static final String PROPERTY_SOURCE = "cooperativeNodeRole";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        NodeRole role = Binder.get(environment).bind(NodeRole.SETTING, NodeRole.class).orElse(NodeRole.ALL);
        if (!role.servesHttp()) {
            environment.getPropertySources().addFirst(new MapPropertySource(PROPERTY_SOURCE,
                    Map.of("spring.main.web-application-type", "none")));
        }
    }
}
