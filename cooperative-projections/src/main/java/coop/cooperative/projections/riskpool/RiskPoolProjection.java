package coop.cooperative.projections.riskpool;

import coop.cooperative.core.riskpool.api.AccountCapReturned;
import coop.cooperative.core.riskpool.api.ClaimApproved;
import coop.cooperative.core.riskpool.api.ClaimClosed;
import coop.cooperative.core.riskpool.api.ClaimContinued;
import coop.cooperative.core.riskpool.api.ClaimFiled;
import coop.cooperative.core.riskpool.api.ClaimMonthPaid;
import coop.cooperative.core.riskpool.api.ClaimMonthWithheld;
import coop.cooperative.core.riskpool.api.ClaimRejected;
import coop.cooperative.core.riskpool.api.ContributionPaid;
import coop.cooperative.core.riskpool.api.ClaimGift;
import coop.cooperative.core.riskpool.api.Gift;
import coop.cooperative.core.riskpool.api.GiftsGivenOnLeaving;
import coop.cooperative.core.riskpool.api.MemberEnrolled;
import coop.cooperative.core.riskpool.api.LeaveAnnounced;
import coop.cooperative.core.riskpool.api.MemberLeftRiskPool;
import coop.cooperative.core.riskpool.api.RiskPoolOpened;
import coop.cooperative.core.riskpool.api.TierChangeAnnounced;
import coop.cooperative.core.riskpool.api.TierChanged;
import coop.cooperative.core.shared.ClaimId;
import coop.cooperative.core.shared.CooperativeId;
import coop.cooperative.core.shared.MemberId;
import coop.cooperative.projections.riskpool.RiskPoolQueries.ClaimStatus;
import coop.cooperative.projections.riskpool.RiskPoolQueries.EntryKind;
import coop.cooperative.projections.ViewTables;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.messaging.annotation.MessageIdentifier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;

/**
 * The risk pool's read model. Accounts are kept as entries keyed by event id and member, and a
 * balance is the sum of its entries, so every handler is idempotent (delete-then-insert, or an
 * update by key) and a replay leaves the same rows.
 */
@Component
@ViewTables({"risk_pools", "risk_pool_members", "risk_pool_entries", "risk_pool_claims", "risk_pool_payouts"})
@ProcessingGroup("risk-pool")
class RiskPoolProjection {

    private final JdbcClient jdbc;

    RiskPoolProjection(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(RiskPoolOpened event) {
        jdbc.sql("DELETE FROM risk_pools WHERE cooperative_id = ?").param(event.cooperativeId().value()).update();
        jdbc.sql("INSERT INTO risk_pools (cooperative_id, currency, opened_on) VALUES (?, ?, ?)")
                .params(event.cooperativeId().value(), event.currency().getCurrencyCode(), event.openedOn())
                .update();
    }

    @EventHandler
    void on(MemberEnrolled event) {
        jdbc.sql("DELETE FROM risk_pool_members WHERE cooperative_id = ? AND member_id = ?")
                .params(event.cooperativeId().value(), event.memberId().value()).update();
        jdbc.sql("""
                        INSERT INTO risk_pool_members (cooperative_id, member_id, tier, monthly_deposit, enrolled_on)
                        VALUES (?, ?, ?, ?, ?)""")
                .params(event.cooperativeId().value(), event.memberId().value(), event.tier().amount(),
                        event.monthlyDeposit().amount(), event.enrolledOn())
                .update();
    }

    @EventHandler
    void on(TierChangeAnnounced event) {
        jdbc.sql("UPDATE risk_pool_members SET next_tier = ?, next_tier_on = ? WHERE cooperative_id = ? AND member_id = ?")
                .params(event.tier().amount(), event.effectiveOn(), event.cooperativeId().value(), event.memberId().value())
                .update();
    }

    @EventHandler
    void on(LeaveAnnounced event) {
        jdbc.sql("UPDATE risk_pool_members SET leaves_on = ? WHERE cooperative_id = ? AND member_id = ?")
                .params(event.leftOn(), event.cooperativeId().value(), event.memberId().value())
                .update();
    }

    @EventHandler
    void on(TierChanged event) {
        jdbc.sql("""
                        UPDATE risk_pool_members SET tier = ?, monthly_deposit = ?, tier_changed_on = ?,
                                                     next_tier = NULL, next_tier_on = NULL
                        WHERE cooperative_id = ? AND member_id = ?""")
                .params(event.tier().amount(), event.monthlyDeposit().amount(), event.changedOn(),
                        event.cooperativeId().value(), event.memberId().value())
                .update();
    }

    @EventHandler
    void on(ContributionPaid event, @MessageIdentifier String eventId, @SequenceNumber long seq) {
        entry(eventId, seq, event.cooperativeId(), event.memberId(), event.paidOn(), EntryKind.DEPOSIT, event.amount().amount(),
                event.month(), null);
    }

    @EventHandler
    void on(ClaimFiled event) {
        jdbc.sql("DELETE FROM risk_pool_claims WHERE claim_id = ?").param(event.claimId().value()).update();
        jdbc.sql("""
                        INSERT INTO risk_pool_claims (claim_id, cooperative_id, member_id, start_date, payable_from,
                                                      status, months_carried, filed_on, late_filing_accepted_by)
                        VALUES (?, ?, ?, ?, ?, ?, 0, ?, ?)""")
                .params(event.claimId().value(), event.cooperativeId().value(), event.memberId().value(),
                        event.startDate(), event.startDate().plusMonths(1), ClaimStatus.FILED.name(), event.filedOn(),
                        event.lateFilingAcceptedBy() == null ? null : event.lateFilingAcceptedBy().value())
                .update();
    }

    /** The same reckoning as the aggregate: one waiting period, and the months already paid carry over. */
    @EventHandler
    void on(ClaimContinued event) {
        var previous = jdbc.sql("SELECT payable_from, months_carried FROM risk_pool_claims WHERE claim_id = ?")
                .param(event.previousClaimId().value())
                .query((rs, row) -> new Object[]{rs.getObject("payable_from", LocalDate.class), rs.getInt("months_carried")})
                .single();
        int paidBefore = jdbc.sql("SELECT COUNT(*) FROM risk_pool_payouts WHERE claim_id = ? AND withheld = FALSE")
                .param(event.previousClaimId().value()).query(Integer.class).single();
        Optional<String> lastSettled = jdbc.sql("SELECT MAX(period) FROM risk_pool_payouts WHERE claim_id = ?")
                .param(event.previousClaimId().value()).query(String.class).optional();
        LocalDate start = jdbc.sql("SELECT start_date FROM risk_pool_claims WHERE claim_id = ?")
                .param(event.claimId().value()).query(LocalDate.class).single();
        LocalDate payableFrom = start.isBefore((LocalDate) previous[0]) ? (LocalDate) previous[0] : start;
        if (lastSettled.isPresent()) {
            LocalDate afterLast = YearMonth.parse(lastSettled.get()).plusMonths(1).atDay(1);
            if (payableFrom.isBefore(afterLast)) {
                payableFrom = afterLast;
            }
        }
        jdbc.sql("UPDATE risk_pool_claims SET continues_claim_id = ?, payable_from = ?, months_carried = ? WHERE claim_id = ?")
                .params(event.previousClaimId().value(), payableFrom, (Integer) previous[1] + paidBefore,
                        event.claimId().value())
                .update();
    }

    @EventHandler
    void on(ClaimApproved event) {
        jdbc.sql("UPDATE risk_pool_claims SET status = CASE WHEN end_date IS NULL THEN 'APPROVED' ELSE 'CLOSED' END, "
                        + "approved_on = ?, approved_by = ? WHERE claim_id = ?")
                .params(event.approvedOn(), event.approvedBy() == null ? null : event.approvedBy().value(),
                        event.claimId().value()).update();
    }

    @EventHandler
    void on(ClaimRejected event) {
        jdbc.sql("UPDATE risk_pool_claims SET status = 'REJECTED', rejected_on = ? WHERE claim_id = ?")
                .params(event.rejectedOn(), event.claimId().value()).update();
    }

    @EventHandler
    void on(ClaimClosed event) {
        jdbc.sql("UPDATE risk_pool_claims SET status = 'CLOSED', end_date = ? WHERE claim_id = ?")
                .params(event.endDate(), event.claimId().value()).update();
    }

    @EventHandler
    void on(ClaimMonthPaid event, @MessageIdentifier String eventId, @SequenceNumber long seq) {
        payout(event.claimId(), event.month(), event.cooperativeId(), event.memberId(), event.due().amount(),
                event.paid().amount(), event.shortfall().amount(), null);
        jdbc.sql("DELETE FROM risk_pool_entries WHERE event_id = ?").param(eventId).update();
        for (Gift gift : event.gifts()) {
            entry(eventId, seq, event.cooperativeId(), gift.from(), event.paidOn(), EntryKind.GIFT,
                    gift.amount().amount().negate(), event.month(), event.claimId());
        }
    }

    /** One entry for what the leaver gave, towards one claim or (rarely) several. */
    @EventHandler
    void on(GiftsGivenOnLeaving event, @MessageIdentifier String eventId, @SequenceNumber long seq) {
        ClaimGift first = event.gifts().get(0);
        BigDecimal total = event.gifts().stream().map(g -> g.amount().amount()).reduce(BigDecimal.ZERO, BigDecimal::add);
        entry(eventId, seq, event.cooperativeId(), event.memberId(), event.givenOn(), EntryKind.GIFT, total.negate(),
                first.month(), event.gifts().size() == 1 ? first.claimId() : null);
    }

    @EventHandler
    void on(ClaimMonthWithheld event) {
        payout(event.claimId(), event.month(), event.cooperativeId(), event.memberId(), BigDecimal.ZERO, BigDecimal.ZERO,
                BigDecimal.ZERO, new int[]{event.enrolledMembers(), event.minimumMembers()});
    }

    @EventHandler
    void on(AccountCapReturned event, @MessageIdentifier String eventId, @SequenceNumber long seq) {
        entry(eventId, seq, event.cooperativeId(), event.memberId(), event.returnedOn(), EntryKind.CAP_RETURN,
                event.amount().amount().negate(), null, null);
    }

    @EventHandler
    void on(MemberLeftRiskPool event, @MessageIdentifier String eventId, @SequenceNumber long seq) {
        entry(eventId, seq, event.cooperativeId(), event.memberId(), event.leftOn(), EntryKind.LEFT,
                event.balanceReturned().amount().negate(), null, null);
        jdbc.sql("UPDATE risk_pool_members SET left_on = ? WHERE cooperative_id = ? AND member_id = ?")
                .params(event.leftOn(), event.cooperativeId().value(), event.memberId().value()).update();
    }

    @ResetHandler
    void reset() {
        for (String table : List.of("risk_pool_payouts", "risk_pool_claims", "risk_pool_entries", "risk_pool_members",
                "risk_pools")) {
            jdbc.sql("DELETE FROM " + table).update();
        }
    }

    /** {@code withheld}: the members enrolled and the minimum, for a withheld month; null for a paid one. */
    private void payout(ClaimId claimId, YearMonth month, CooperativeId cooperativeId, MemberId memberId, BigDecimal due,
                        BigDecimal paid, BigDecimal shortfall, int[] withheld) {
        jdbc.sql("DELETE FROM risk_pool_payouts WHERE claim_id = ? AND period = ?")
                .params(claimId.value(), month.toString()).update();
        jdbc.sql("""
                        INSERT INTO risk_pool_payouts (claim_id, period, cooperative_id, member_id, due, paid, shortfall,
                                                       withheld, enrolled_members, minimum_members)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(claimId.value(), month.toString(), cooperativeId.value(), memberId.value(), due, paid, shortfall,
                        withheld != null, withheld == null ? null : withheld[0], withheld == null ? null : withheld[1])
                .update();
    }

    /** {@code seq}: the event's place in the pool's stream, the order of an account's history. */
    private void entry(String eventId, long seq, CooperativeId cooperativeId, MemberId memberId, LocalDate date,
                       EntryKind kind, BigDecimal amount, YearMonth month, ClaimId claimId) {
        jdbc.sql("DELETE FROM risk_pool_entries WHERE event_id = ? AND member_id = ?")
                .params(eventId, memberId.value()).update();
        jdbc.sql("""
                        INSERT INTO risk_pool_entries (event_id, member_id, cooperative_id, entry_date, kind, amount,
                                                       period, claim_id, seq_no)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(eventId, memberId.value(), cooperativeId.value(), date, kind.name(), amount,
                        month == null ? null : month.toString(), claimId == null ? null : claimId.value(), seq)
                .update();
    }
}
