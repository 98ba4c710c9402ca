package coop.cooperative.projections.books;

import coop.cooperative.core.costs.api.Share;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * A pending cost's shares as the ledger keeps them until the cost is approved: in the cost's own
 * row, as {@code member=amount} pairs separated by commas, rather than a row per share, so that a
 * rebuild writes one row per shared cost. The members are in the order of their ids as text, which
 * is the order of their posting lines.
 */
record PendingShares(Map<UUID, BigDecimal> amounts) {

    static PendingShares of(List<Share> shares) {
        return new PendingShares(shares.stream()
                .sorted(Comparator.comparing(share -> share.memberId().value().toString()))
                .collect(Collectors.toMap(share -> share.memberId().value(), share -> share.amount().amount(),
                        BigDecimal::add, LinkedHashMap::new)));
    }

    static PendingShares parse(String text) {
        Map<UUID, BigDecimal> amounts = new LinkedHashMap<>();
        if (!text.isEmpty()) {
            Arrays.stream(text.split(",")).map(pair -> pair.split("=", 2))
                    .forEach(pair -> amounts.put(UUID.fromString(pair[0]), new BigDecimal(pair[1])));
        }
        return new PendingShares(amounts);
    }

    String text() {
        return amounts.entrySet().stream()
                .map(share -> share.getKey() + "=" + share.getValue().toPlainString())
                .collect(Collectors.joining(","));
    }
}
