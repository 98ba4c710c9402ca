package coop.cooperative.core.membership.api;

import coop.cooperative.core.shared.CooperativeId;
import org.axonframework.serialization.Revision;

import java.time.LocalDate;
import java.util.Currency;

@Revision("1")
public record CooperativeFounded(CooperativeId cooperativeId,
                                 String name,
                                 Currency currency,
                                 Policies policies,
                                 LocalDate foundedOn) {
}
