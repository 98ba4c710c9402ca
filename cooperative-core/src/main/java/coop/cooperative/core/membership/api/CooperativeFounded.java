package coop.cooperative.core.membership.api;

import coop.cooperative.core.shared.CooperativeId;
import org.axonframework.serialization.Revision;

import java.time.LocalDate;
import java.util.Currency;

/**
 * Revision 2: the policies carry {@code vatRegistered}; revision 1 events are read as not
 * VAT-registered (the only kind there was), by {@code CooperativeFoundedVatUpcaster}.
 */
@Revision("2")
public record CooperativeFounded(CooperativeId cooperativeId,
                                 String name,
                                 Currency currency,
                                 Policies policies,
                                 LocalDate foundedOn) {
}
