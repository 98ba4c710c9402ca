package coop.cooperative.app.books;

import coop.cooperative.core.settlements.api.SettlementCommands.RecordSettlement;
import coop.cooperative.core.settlements.api.SettlementDirection;
import coop.cooperative.core.settlements.api.SettlementId;
import coop.cooperative.core.shared.CooperativeId;
import coop.cooperative.core.shared.MemberId;
import coop.cooperative.core.shared.Money;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.LocalDate;

/** Money moved between a member and the cooperative, dated in an open period; it clears their balance. */
@Service
public class Settlements {

    private final CommandGateway commands;
    private final Clock clock;

    Settlements(CommandGateway commands, Clock clock) {
        this.commands = commands;
        this.clock = clock;
    }

    public SettlementId settle(CooperativeId cooperativeId, MemberId memberId, Money amount, LocalDate date,
                               SettlementDirection direction, MemberId recordedBy) {
        SettlementId id = SettlementId.random();
        commands.sendAndWait(new RecordSettlement(id, cooperativeId, memberId, amount, date, direction, recordedBy,
                LocalDate.now(clock)));
        return id;
    }
}
