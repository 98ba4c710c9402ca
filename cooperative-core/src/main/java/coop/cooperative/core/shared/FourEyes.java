package coop.cooperative.core.shared;

import java.util.Set;

/**
 * The four-eyes rule of every approval (a shared cost, an invoice): nobody approves what they
 * submitted, paid or drafted themselves. It applies while the cooperative has more than one
 * treasurer: a cooperative with a single treasurer has no second pair of eyes, and its costs and
 * invoices must not wait forever.
 */
public final class FourEyes {

    private FourEyes() {
    }

    /** Whether four eyes apply in a cooperative with these treasurers. */
    public static boolean apply(Set<MemberId> treasurers) {
        return treasurers.size() > 1;
    }
}
