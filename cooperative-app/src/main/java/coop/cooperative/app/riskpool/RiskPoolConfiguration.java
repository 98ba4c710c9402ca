package coop.cooperative.app.riskpool;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Turns on Spring's scheduler for the daily payout run. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class RiskPoolConfiguration {
}
