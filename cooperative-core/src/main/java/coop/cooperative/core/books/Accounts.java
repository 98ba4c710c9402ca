package coop.cooperative.core.books;

import coop.cooperative.core.shared.MemberId;

/**
 * The chart of accounts of the books. Members' current accounts are liabilities of the
 * cooperative (a credit means the cooperative owes the member); the cooperative's side is its bank
 * account, what each category of shared cost cost it, and what it recharged to members for it;
 * when it is VAT-registered, the input VAT it reclaims.
 */
public final class Accounts {

    public static final String MEMBERS = "liabilities:members:";
    public static final String BANK = "assets:bank";
    /** The VAT a VAT-registered cooperative paid on its costs and reclaims on its VAT return. */
    public static final String INPUT_VAT = "assets:vat:input";

    private Accounts() {
    }

    public static String member(MemberId memberId) {
        return MEMBERS + memberId;
    }

    public static String expenses(String category) {
        return "expenses:" + category;
    }

    public static String recharged(String category) {
        return "income:recharged:" + category;
    }
}
