package coop.cooperative.app.books;

import coop.cooperative.core.books.Accounts;
import coop.cooperative.core.shared.MemberId;
import coop.cooperative.projections.books.BookQueries.JournalLine;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The head of the journal: the commodity, the tags and every account it uses, declared, so that
 * {@code hledger check --strict} and {@code ledger --pedantic} accept it, and a member's account
 * carries their name. The directives are written in the form both tools read: ledger takes
 * everything after {@code account} on the line as the name, so the account's type and name go in an
 * indented comment below it, where hledger reads them as tags.
 */
final class JournalDeclarations {

    /** The tags of the journal's comments, declared for ledger's --pedantic. */
    private static final List<String> TAGS = List.of("event", "vat", "member");

    private JournalDeclarations() {
    }

    /** {@code names}: the members' names as {@link #tagValues} gives them. */
    static void write(StringBuilder out, String currency, List<JournalLine> lines, Map<MemberId, String> names) {
        // the style the amounts are written in: a point for decimals, no thousands separator
        out.append("commodity ").append(currency).append('\n')
                .append("    format 1000.00 ").append(currency).append("\n\n");
        TAGS.forEach(tag -> out.append("tag ").append(tag).append('\n'));
        out.append('\n');
        Map<String, MemberId> accounts = new TreeMap<>();
        lines.forEach(line -> accounts.putIfAbsent(line.account(),
                line.account().startsWith(Accounts.MEMBERS) ? line.memberId() : null));
        // every member, with or without postings, so that a bookkeeper finds each by name
        names.keySet().forEach(member -> accounts.put(Accounts.member(member), member));
        accounts.forEach((account, member) -> {
            out.append("account ").append(account).append("\n    ; type: ").append(type(account));
            if (member != null && names.containsKey(member)) {
                out.append(", name: ").append(names.get(member));
            }
            out.append('\n');
        });
    }

    /** Members' names as they can stand in a tag's value: on one line, without the comma that would end it. */
    static Map<MemberId, String> tagValues(Map<MemberId, String> names) {
        Map<MemberId, String> values = new HashMap<>();
        names.forEach((member, name) -> {
            if (name != null) {
                values.put(member, JournalExport.clean(name).replace(',', ' ').replaceAll("\\s+", " "));
            }
        });
        return values;
    }

    /** hledger's account types: Asset, Liability, Equity, Revenue, eXpense. */
    private static char type(String account) {
        return switch (account.substring(0, account.indexOf(':') < 0 ? account.length() : account.indexOf(':'))) {
            case "assets" -> 'A';
            case "liabilities" -> 'L';
            case "income" -> 'R';
            case "expenses" -> 'X';
            default -> 'E';
        };
    }
}
