package coop.cooperative.app.costs;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Turns on Spring's scheduler, which runs {@link RecurringCosts#hourly()}. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class RecurringCostSchedule {
}
