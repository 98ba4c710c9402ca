package coop.cooperative.projections;

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
 * A shared cost's shares as the views keep them: in the cost's own row, as {@code member=amount}
 * pairs separated by commas, rather than a row per share, so that a rebuild writes one row per
 * shared cost. The members are in the order of their ids as text (the ledger posts their lines in
 * that order).
 */
public record CostShares(Map<UUID, BigDecimal> amounts) {

    public static CostShares of(List<Share> shares) {
        return new CostShares(shares.stream()
                .sorted(Comparator.comparing(share -> share.memberId().value().toString()))
                .collect(Collectors.toMap(share -> share.memberId().value(), share -> share.amount().amount(),
                        BigDecimal::add, LinkedHashMap::new)));
    }

    public static CostShares parse(String text) {
        Map<UUID, BigDecimal> amounts = new LinkedHashMap<>();
        if (!text.isEmpty()) {
            Arrays.stream(text.split(",")).map(pair -> pair.split("=", 2))
                    .forEach(pair -> amounts.put(UUID.fromString(pair[0]), new BigDecimal(pair[1])));
        }
        return new CostShares(amounts);
    }

    public String text() {
        return amounts.entrySet().stream()
                .map(share -> share.getKey() + "=" + share.getValue().toPlainString())
                .collect(Collectors.joining(","));
    }
}
