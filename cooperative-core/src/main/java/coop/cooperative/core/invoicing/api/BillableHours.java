package coop.cooperative.core.invoicing.api;

import coop.cooperative.core.hours.api.EntryId;
import coop.cooperative.core.shared.MemberId;
import coop.cooperative.core.shared.Money;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * One hours entry that can be billed: a member's PROJECT hours on the project, with the skill they are
 * assigned to it with and their own hourly rate (what they earn for it), as the sender read them.
 */
public record BillableHours(EntryId entryId, MemberId memberId, LocalDate date, BigDecimal hours, String skill,
                            Money memberRate) {
}
