package coop.cooperative.app;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.scheduling.annotation.EnableScheduling;

@SpringBootApplication(scanBasePackages = "coop.cooperative")
// Spring's scheduler runs what is due by the clock: the risk pool's payouts and announced changes,
// recurring costs, the mail outbox.
@EnableScheduling
public class CooperativeApplication {

    /** Axon reads this before Spring starts; set here so the app never calls AxonIQ's update server. */
    public static final String UPDATE_CHECK_DISABLED = "axoniq.update-checker.disabled";

    public static void main(String[] args) {
        System.setProperty(UPDATE_CHECK_DISABLED, "true");
        SpringApplication.run(CooperativeApplication.class, args);
    }
}
