package coop.cooperative.app;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A journal passes the bookkeeper's tools in their strictest modes: {@code hledger check --strict}
 * (every account and commodity declared, every transaction balanced, every assertion holding) and
 * ledger's {@code --pedantic} (an undeclared account, commodity or tag is an error) and
 * {@code --strict} (the same as warnings, counted).
 */
final class StrictBooks {

    private StrictBooks() {
    }

    static void check(Path journal) throws Exception {
        ExternalTool hledger = ExternalTool.require("hledger", "hledger");
        ExternalTool ledger = ExternalTool.require("ledger", "ledger");
        ExternalTool.Result strict = hledger.run("-f", journal.toString(), "check", "--strict");
        assertThat(strict.exit()).as(strict.output()).isZero();
        ExternalTool.Result pedantic = ledger.run("-f", journal.toString(), "--pedantic", "balance");
        assertThat(pedantic.exit()).as(pedantic.output()).isZero();
        ExternalTool.Result warned = ledger.run("-f", journal.toString(), "--strict", "balance");
        System.out.printf("%s: hledger check --strict exit %d, ledger --pedantic exit %d, ledger --strict %d warnings%n",
                journal.getFileName(), strict.exit(), pedantic.exit(), warned.lines("Warning"));
        assertThat(warned.lines("Warning")).as(warned.output()).isZero();
    }
}
