package coop.cooperative.core.invoicing.api;

import java.util.Set;

/** The member states of the European Union, by ISO code: reverse charge applies between them. */
final class EuCountries {

    private static final Set<String> MEMBERS = Set.of("AT", "BE", "BG", "CY", "CZ", "DE", "DK", "EE", "ES", "FI",
            "FR", "GR", "HR", "HU", "IE", "IT", "LT", "LU", "LV", "MT", "NL", "PL", "PT", "RO", "SE", "SI", "SK");

    private EuCountries() {
    }

    static boolean isMember(String countryCode) {
        return MEMBERS.contains(countryCode);
    }
}
