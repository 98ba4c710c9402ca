package coop.cooperative.app.axon;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The node's role ({@link NodeRole}), said once in the log as the node starts. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(NodeConfiguration.NodeSettings.class)
class NodeConfiguration {

    private static final Logger log = LoggerFactory.getLogger(NodeConfiguration.class);

    /** {@code cooperative.node.*}; an unknown role never gets here ({@link NodeRoleEnvironment} refuses it first). */
    @ConfigurationProperties("cooperative.node")
    record NodeSettings(@DefaultValue("all") NodeRole role) {
    }

    @Bean
    NodeRole nodeRole(NodeSettings settings) {
        NodeRole role = settings.role();
        log.info("Node role: {} ({})", role.setting(), switch (role) {
            case ALL -> "HTTP and every event processor";
            case API -> "HTTP and commands; the event processors claim no segment, other nodes keep the views";
            case VIEWS -> "the event processors and schedules; no HTTP";
        });
        return role;
    }
}
